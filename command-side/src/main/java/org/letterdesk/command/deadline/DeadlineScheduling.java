package org.letterdesk.command.deadline;

import org.axonframework.deadline.DeadlineManager;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineSet;

import java.time.Instant;

/** Schedules and cancels a letter's deadlines with the persistent deadline manager, in the letter's scope. */
public final class DeadlineScheduling {

    private DeadlineScheduling() {
    }

    public static void schedule(DeadlineManager deadlineManager, DeadlineSet set, Instant now) {
        String name = DeadlineDue.scheduleName(set.kind(), set.ref());
        if (set.approachingAt().isBefore(set.due()) && set.due().isAfter(now)) {
            Instant warnAt = set.approachingAt().isAfter(now) ? set.approachingAt() : now;
            deadlineManager.schedule(warnAt, name, new DeadlineDue(set.kind(), set.ref(), false, set.due()));
        }
        deadlineManager.schedule(set.due().isAfter(now) ? set.due() : now, name,
                new DeadlineDue(set.kind(), set.ref(), true, set.due()));
    }

    public static void cancel(DeadlineManager deadlineManager, DeadlineKind kind, int ref) {
        deadlineManager.cancelAllWithinScope(DeadlineDue.scheduleName(kind, ref));
    }
}
