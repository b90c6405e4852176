package org.letterdesk.command.deadline;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.ScopeDescriptor;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineSet;

import java.time.Instant;

/** Schedules and cancels a letter's deadlines with the persistent deadline manager, in the letter's scope. */
public final class DeadlineScheduling {

    private DeadlineScheduling() {
    }

    /**
     * Schedules the warning while it is still ahead; the miss is scheduled only when the warning fires
     * ({@link #scheduleMiss}). Most deadlines are met before their warning, so they never cost a second
     * schedule. A deadline whose warning time has passed gets its miss scheduled at once.
     */
    public static void schedule(DeadlineManager deadlineManager, DeadlineSet set, Instant now) {
        schedule(deadlineManager, set, now, Scope.describeCurrentScope());
    }

    /** As {@link #schedule(DeadlineManager, DeadlineSet, Instant)}, in a scope named explicitly. */
    public static void schedule(DeadlineManager deadlineManager, DeadlineSet set, Instant now,
                                ScopeDescriptor scope) {
        String name = DeadlineDue.scheduleName(set.kind(), set.ref());
        if (set.approachingAt().isBefore(set.due()) && set.due().isAfter(now)) {
            Instant warnAt = set.approachingAt().isAfter(now) ? set.approachingAt() : now;
            deadlineManager.schedule(warnAt, name, new DeadlineDue(set.kind(), set.ref(), false, set.due()), scope);
        } else {
            scheduleMiss(deadlineManager, set.kind(), set.ref(), set.due(), now, scope);
        }
    }

    /** Schedules the miss of a deadline, at its due time (or now, if that has passed). */
    public static void scheduleMiss(DeadlineManager deadlineManager, DeadlineKind kind, int ref, Instant due,
                                    Instant now) {
        scheduleMiss(deadlineManager, kind, ref, due, now, Scope.describeCurrentScope());
    }

    private static void scheduleMiss(DeadlineManager deadlineManager, DeadlineKind kind, int ref, Instant due,
                                     Instant now, ScopeDescriptor scope) {
        deadlineManager.schedule(due.isAfter(now) ? due : now, DeadlineDue.scheduleName(kind, ref),
                new DeadlineDue(kind, ref, true, due), scope);
    }

    public static void cancel(DeadlineManager deadlineManager, DeadlineKind kind, int ref) {
        cancel(deadlineManager, DeadlineDue.scheduleName(kind, ref));
    }

    static void cancel(DeadlineManager deadlineManager, String scheduleName) {
        deadlineManager.cancelAllWithinScope(scheduleName);
    }
}
