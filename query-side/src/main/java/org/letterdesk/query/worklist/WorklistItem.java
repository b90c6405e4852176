package org.letterdesk.query.worklist;

import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.Department;
import org.letterdesk.events.LetterStatus;

import java.time.Instant;

/**
 * A work-list line over HTTP. {@code atRisk}: a warning (DeadlineApproaching) came for a deadline still open;
 * {@code overdue}: a deadline was missed, or the next one is already past. {@code supervisionLevel}: 0 none, 1 the
 * department's supervisor, 2 the director (督办). {@code referralOffice}: the office that referred the letter
 * (批办件), if one did.
 */
public record WorklistItem(String letterId, String serialNo, String subject, Instant receivedAt,
                           Department department, String assignee, LetterStatus status, boolean urgent,
                           Instant nextDue, DeadlineKind nextDueKind, boolean atRisk, boolean overdue,
                           int openCorrections, int openDisputes, long version, int openCommitments,
                           int supervisionLevel, String referralOffice) {

    static WorklistItem of(WorklistEntry e, Instant now) {
        boolean overdue = e.isDeadlineMissed() || e.getNextDue() != null && e.getNextDue().isBefore(now);
        return new WorklistItem(e.getLetterId(), e.getSerialNo(), e.getSubject(), e.getReceivedAt(),
                e.getDepartment(), e.getAssignee(), e.getStatus(), e.isUrgent(), e.getNextDue(), e.getNextDueKind(),
                e.isAtRisk(), overdue, e.getOpenCorrections(), e.getOpenDisputes(), e.getVersion(),
                e.getOpenCommitments(), e.getSupervisionLevel(), e.getReferralOffice());
    }
}
