package org.letterdesk.query.commitment;

import org.letterdesk.events.Department;

import java.time.Instant;
import java.time.LocalDate;

/** A commitment over HTTP. {@code status}: OPEN, FULFILLED, or MISSED (past its due date, not fulfilled). */
public record CommitmentItem(String letterId, String serialNo, int n, String what, Department department,
                             LocalDate dueDate, String status, Instant openedAt, Instant due, Instant fulfilledAt) {

    static CommitmentItem of(CommitmentEntry e) {
        return new CommitmentItem(e.getLetterId(), e.getSerialNo(), e.getN(), e.getWhat(), e.getDepartment(),
                e.getDueDate(), e.getStatus(), e.getOpenedAt(), e.getDue(), e.getFulfilledAt());
    }
}
