package org.letterdesk.events;

import java.time.Instant;

/**
 * A supervision item (督办) for the department's supervisor (level 1). The time of the first reminder is computed
 * now (working days of the calendar in force) and recorded, like every deadline.
 *
 * @param kind      the missed deadline's kind for DEADLINE_MISSED, else null
 * @param ref       the missed deadline's ref (commitment number …), else 0
 * @param department the letter's department when it opened, null if unassigned
 * @param remindAt  when it is raised a level (催办) unless resolved before
 */
public record SupervisionOpened(String letterId, int supervisionNo, SupervisionReason reason, DeadlineKind kind,
                                int ref, Department department, int level, Instant openedAt, Instant remindAt)
        implements LetterEvent {
}
