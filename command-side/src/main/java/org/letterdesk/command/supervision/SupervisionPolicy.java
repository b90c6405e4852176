package org.letterdesk.command.supervision;

import org.letterdesk.events.DeadlineKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a letter comes under supervision (督办) and how it is pressed (催办), from configuration
 * ({@code letterdesk.supervision.*}).
 *
 * @param reminderWorkingDays working days without an answer before each reminder raises the item a level
 * @param deadlineKinds       the deadlines whose miss opens supervision: those where the sender waits for an answer
 *                            (the reply, a commitment, a petition's acceptance and review answers, a referral's
 *                            report back)
 */
public record SupervisionPolicy(int reminderWorkingDays, Set<DeadlineKind> deadlineKinds) {

    public static final SupervisionPolicy DEFAULTS = new SupervisionPolicy(2,
            EnumSet.of(DeadlineKind.REPLY, DeadlineKind.COMMITMENT, DeadlineKind.ACCEPTANCE, DeadlineKind.REVIEW,
                    DeadlineKind.REFERRAL_REPORT));
    /** Level 1 is the department's supervisor, level 2 the director; the reminder that reaches it is the last. */
    public static final int TOP_LEVEL = 2;

    public SupervisionPolicy {
        if (reminderWorkingDays < 1) {
            throw new IllegalArgumentException("reminderWorkingDays must be at least 1");
        }
        deadlineKinds = deadlineKinds == null || deadlineKinds.isEmpty() ? DEFAULTS.deadlineKinds()
                : Set.copyOf(deadlineKinds);
    }

    public static SupervisionPolicy of(Integer reminderWorkingDays, List<DeadlineKind> deadlineKinds) {
        return new SupervisionPolicy(reminderWorkingDays == null ? DEFAULTS.reminderWorkingDays()
                : reminderWorkingDays, deadlineKinds == null ? null : Set.copyOf(deadlineKinds));
    }

    public boolean opensOnMiss(DeadlineKind kind) {
        return deadlineKinds.contains(kind);
    }

    /** The working hours between reminders: a working day counts 24 working hours in the deadline calendar. */
    public int reminderWorkingHours() {
        return reminderWorkingDays * 24;
    }
}
