package org.letterdesk.query.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.letterdesk.events.Department;
import org.letterdesk.query.letter.LetterView;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One commitment of a sent reply (答复承诺事项): the list of commitments and the monthly analysis read these rows.
 * {@code department} is the commitment's own (who must keep it), not necessarily its letter's.
 */
@Entity
@Table(name = "commitment_entry")
@IdClass(CommitmentEntry.Key.class)
public class CommitmentEntry {

    public static class Key implements Serializable {
        private String letterId;
        private int n;

        public Key() {
        }

        public Key(String letterId, int n) {
            this.letterId = letterId;
            this.n = n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.n == n && Objects.equals(k.letterId, letterId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(letterId, n);
        }
    }

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Id
    @Column(name = "n")
    private int n;
    @Column(name = "serial_no", nullable = false)
    private String serialNo;
    @Column(name = "what", nullable = false)
    private String what;
    @Enumerated(EnumType.STRING)
    @Column(name = "department", nullable = false)
    private Department department;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "due")
    private Instant due;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "fulfilled_at")
    private Instant fulfilledAt;
    @Column(name = "fulfilled_by")
    private String fulfilledBy;
    @Column(name = "evidence")
    private String evidence;

    protected CommitmentEntry() {
    }

    Key key() {
        return new Key(letterId, n);
    }

    static CommitmentEntry of(LetterView view, LetterView.CommitmentView c) {
        CommitmentEntry e = new CommitmentEntry();
        e.letterId = view.letterId;
        e.n = c.n;
        e.serialNo = view.serialNo;
        e.what = c.what;
        e.department = c.department;
        e.dueDate = c.dueDate;
        e.openedAt = c.openedAt;
        e.due = c.due;
        e.status = c.status;
        e.fulfilledAt = c.fulfilledAt;
        e.fulfilledBy = c.fulfilledBy;
        e.evidence = c.evidence;
        return e;
    }

    public String getLetterId() {
        return letterId;
    }

    public int getN() {
        return n;
    }

    public String getSerialNo() {
        return serialNo;
    }

    public String getWhat() {
        return what;
    }

    public Department getDepartment() {
        return department;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getDue() {
        return due;
    }

    public String getStatus() {
        return status;
    }

    public Instant getFulfilledAt() {
        return fulfilledAt;
    }

    public String getFulfilledBy() {
        return fulfilledBy;
    }

    public String getEvidence() {
        return evidence;
    }
}
