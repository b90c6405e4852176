package org.letterdesk.command.deadline;

import org.letterdesk.events.DeadlineKind;

import java.time.Instant;

/**
 * The payload of a scheduled deadline: which deadline, whether this is the warning or the miss, and the due time
 * it was scheduled for (a re-set deadline leaves a stale schedule behind only if cancelling failed; the due time
 * lets the letter ignore it).
 */
public record DeadlineDue(DeadlineKind kind, int ref, boolean missed, Instant due) {

    /** One schedule name per deadline, so a met deadline's warning and miss are cancelled together. */
    public static String scheduleName(DeadlineKind kind, int ref) {
        return "letter-" + kind.name().toLowerCase() + "-" + ref;
    }
}
