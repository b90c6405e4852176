package org.letterdesk.query.worklist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.Department;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;
import java.util.Optional;

/** An open letter on the work list: who has it, and what is due next. Closed and archived letters have no row. */
@Entity
@Table(name = "worklist_entry")
public class WorklistEntry {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Column(name = "serial_no", nullable = false)
    private String serialNo;
    @Column(name = "subject", nullable = false)
    private String subject;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;
    @Column(name = "assignee")
    private String assignee;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private LetterStatus status;
    @Column(name = "urgent", nullable = false)
    private boolean urgent;
    @Column(name = "next_due")
    private Instant nextDue;
    @Enumerated(EnumType.STRING)
    @Column(name = "next_due_kind")
    private DeadlineKind nextDueKind;
    @Column(name = "at_risk", nullable = false)
    private boolean atRisk;
    @Column(name = "deadline_missed", nullable = false)
    private boolean deadlineMissed;
    @Column(name = "open_corrections", nullable = false)
    private int openCorrections;
    @Column(name = "open_disputes", nullable = false)
    private int openDisputes;
    @Column(name = "open_commitments", nullable = false)
    private int openCommitments;
    @Column(name = "supervision_level", nullable = false)
    private int supervisionLevel;
    @Column(name = "version", nullable = false)
    private long version;
    /** The superior office that referred the letter (批办件), if one did. */
    @Column(name = "referral_office")
    private String referralOffice;

    protected WorklistEntry() {
    }

    public String getReferralOffice() {
        return referralOffice;
    }

    WorklistEntry(String letterId) {
        this.letterId = letterId;
    }

    /**
     * Closed letters (replied, nothing pending) and archived ones are no longer anybody's work, unless a closed one
     * is under supervision (督办: a dissatisfied sender), which is work until resolved.
     */
    static boolean isWork(LetterView view) {
        return view.status != LetterStatus.ARCHIVED
                && (view.status != LetterStatus.CLOSED || view.supervisionLevel > 0);
    }

    void refresh(LetterView view) {
        serialNo = view.serialNo;
        subject = view.subject;
        receivedAt = view.receivedAt;
        department = view.department;
        assignee = view.assignee;
        status = view.status;
        urgent = view.urgent;
        Optional<NextDue> next = NextDue.of(view);
        nextDue = next.map(NextDue::due).orElse(null);
        nextDueKind = next.map(NextDue::kind).orElse(null);
        atRisk = view.atRisk;
        // A miss stays on the letter, as in the register: it was late even if the work has moved on since.
        deadlineMissed = view.deadlineMissed();
        openCorrections = view.openCorrections;
        openDisputes = view.openDisputes;
        openCommitments = view.openCommitments;
        supervisionLevel = view.supervisionLevel;
        version = view.version;
        referralOffice = view.referralOffice();
    }

    public String getLetterId() {
        return letterId;
    }

    public String getSerialNo() {
        return serialNo;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Department getDepartment() {
        return department;
    }

    public String getAssignee() {
        return assignee;
    }

    public LetterStatus getStatus() {
        return status;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public Instant getNextDue() {
        return nextDue;
    }

    public DeadlineKind getNextDueKind() {
        return nextDueKind;
    }

    public boolean isAtRisk() {
        return atRisk;
    }

    public boolean isDeadlineMissed() {
        return deadlineMissed;
    }

    public int getOpenCorrections() {
        return openCorrections;
    }

    public int getOpenDisputes() {
        return openDisputes;
    }

    public int getOpenCommitments() {
        return openCommitments;
    }

    public int getSupervisionLevel() {
        return supervisionLevel;
    }

    public long getVersion() {
        return version;
    }
}
