package org.letterdesk.events;

import java.time.Instant;

/**
 * A reminder (催办): the supervision item went unanswered for another period and is raised a level (at most 2,
 * the director). Recorded by the system.
 *
 * @param level          the level after this reminder
 * @param remindedAt     when the reminder fell due (as recorded when it was scheduled)
 * @param nextRemindAt   when the next reminder is due, computed now; null once at the top level (no more)
 */
public record SupervisionReminded(String letterId, int supervisionNo, int level, Instant remindedAt,
                                  Instant nextRemindAt) implements LetterEvent {
}
