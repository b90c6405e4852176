package org.letterdesk.app.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Steps of a scripted month, run in time order with the clock set to each step's time. Steps at the same time
 * keep the order they were added in.
 */
public final class Timeline {

    private record Step(Instant at, int order, String label, Runnable action) {
    }

    private final List<Step> steps = new ArrayList<>();

    public void at(Instant at, String label, Runnable action) {
        steps.add(new Step(at, steps.size(), label, action));
    }

    public void run(MutableClock clock) {
        steps.stream().sorted(Comparator.comparing(Step::at).thenComparing(Step::order)).forEach(step -> {
            clock.set(step.at());
            try {
                step.action().run();
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("step '" + step.label() + "' at " + step.at() + " failed: " + e.getMessage(),
                        e);
            }
        });
    }
}
