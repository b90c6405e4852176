package org.letterdesk.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The reply carrying a commitment went out: from now on it is tracked until fulfilled. Its deadline (kind
 * COMMITMENT, ref {@code n}) follows as a {@link DeadlineSet}.
 *
 * @param openedAt the reply's sentAt
 */
public record CommitmentOpened(String letterId, int n, String what, Department department, LocalDate dueDate,
                               Instant openedAt) implements LetterEvent {
}
