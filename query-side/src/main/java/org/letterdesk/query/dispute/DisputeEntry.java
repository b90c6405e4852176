package org.letterdesk.query.dispute;

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
import java.util.Objects;

/** One line of the dispute record book (《争议处理记录簿》): a dispute over a letter, from record to resolution. */
@Entity
@Table(name = "dispute_entry")
@IdClass(DisputeEntry.Key.class)
public class DisputeEntry {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Id
    @Column(name = "dispute_no")
    private int disputeNo;
    @Column(name = "dispute_number", nullable = false)
    private String number;
    @Column(name = "serial_no", nullable = false)
    private String serialNo;
    @Column(name = "subject", nullable = false)
    private String subject;
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;
    @Column(name = "points", nullable = false)
    private String points;
    @Column(name = "sender_view", nullable = false)
    private String senderView;
    @Column(name = "organization_view", nullable = false)
    private String organizationView;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "investigation_due")
    private Instant investigationDue;
    @Column(name = "findings")
    private String findings;
    @Column(name = "investigated_at")
    private Instant investigatedAt;
    @Column(name = "investigated_within_deadline")
    private Boolean investigatedWithinDeadline;
    @Column(name = "outcome")
    private String outcome;
    @Column(name = "escalated")
    private Boolean escalated;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private DisputeStatus status;

    protected DisputeEntry() {
    }

    DisputeEntry(String letterId, int disputeNo) {
        this.letterId = letterId;
        this.disputeNo = disputeNo;
    }

    /** 争议编号: the letter's register number and the dispute's number within it, e.g. 2026-000123-D1. */
    static String number(String serialNo, int disputeNo) {
        return serialNo + "-D" + disputeNo;
    }

    /** Copies the dispute as the letter view now has it; the letter's columns too, as forwarding may move it. */
    void refresh(LetterView letter, LetterView.Dispute d) {
        number = number(letter.serialNo, d.disputeNo);
        serialNo = letter.serialNo;
        subject = letter.subject;
        department = letter.department;
        points = d.points;
        senderView = d.senderView;
        organizationView = d.organizationView;
        recordedAt = d.recordedAt;
        investigationDue = d.investigationDue;
        findings = d.findings;
        investigatedAt = d.investigatedAt;
        investigatedWithinDeadline = d.investigatedWithinDeadline;
        outcome = d.outcome;
        escalated = d.escalated;
        resolvedAt = d.resolvedAt;
        status = d.resolvedAt != null ? DisputeStatus.RESOLVED
                : d.investigatedAt != null ? DisputeStatus.INVESTIGATED : DisputeStatus.OPEN;
    }

    public String getLetterId() {
        return letterId;
    }

    public int getDisputeNo() {
        return disputeNo;
    }

    public String getNumber() {
        return number;
    }

    public String getSerialNo() {
        return serialNo;
    }

    public String getSubject() {
        return subject;
    }

    public Department getDepartment() {
        return department;
    }

    public String getPoints() {
        return points;
    }

    public String getSenderView() {
        return senderView;
    }

    public String getOrganizationView() {
        return organizationView;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Instant getInvestigationDue() {
        return investigationDue;
    }

    public String getFindings() {
        return findings;
    }

    public Instant getInvestigatedAt() {
        return investigatedAt;
    }

    public Boolean getInvestigatedWithinDeadline() {
        return investigatedWithinDeadline;
    }

    public String getOutcome() {
        return outcome;
    }

    public Boolean getEscalated() {
        return escalated;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public DisputeStatus getStatus() {
        return status;
    }

    /** The primary key (letter_id, dispute_no). */
    public static class Key implements Serializable {

        private String letterId;
        private int disputeNo;

        protected Key() {
        }

        public Key(String letterId, int disputeNo) {
            this.letterId = letterId;
            this.disputeNo = disputeNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && disputeNo == k.disputeNo && Objects.equals(letterId, k.letterId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(letterId, disputeNo);
        }
    }
}
