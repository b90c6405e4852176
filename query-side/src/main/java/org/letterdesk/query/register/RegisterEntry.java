package org.letterdesk.query.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.Department;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.events.Sender;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One row of the register (信函登记表): the form's columns plus what staff filter and sort by. */
@Entity
@Table(name = "register_entry")
public class RegisterEntry {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Column(name = "serial_no", nullable = false)
    private String serialNo;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "sender_name", nullable = false)
    private String senderName;
    @Column(name = "sender_info", nullable = false)
    private String senderInfo;
    @Column(name = "subject", nullable = false)
    private String subject;
    @Column(name = "core_request", nullable = false)
    private String coreRequest;
    @Column(name = "attachment_list", nullable = false)
    private String attachmentList;
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;
    @Column(name = "assignee")
    private String assignee;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private LetterStatus status;
    @Column(name = "first_response_due")
    private Instant firstResponseDue;
    @Column(name = "reply_due")
    private Instant replyDue;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "remarks")
    private String remarks;
    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private Category category;
    @Column(name = "urgent", nullable = false)
    private boolean urgent;
    @Column(name = "overdue", nullable = false)
    private boolean overdue;
    @Column(name = "at_risk", nullable = false)
    private boolean atRisk;
    @Column(name = "open_corrections", nullable = false)
    private int openCorrections;
    @Column(name = "open_disputes", nullable = false)
    private int openDisputes;
    @Column(name = "open_commitments", nullable = false)
    private int openCommitments;
    @Column(name = "version", nullable = false)
    private long version;
    @Column(name = "sender_id")
    private String senderId;
    /** The sender file's earlier letters at registration (信访次数 is this plus one). */
    @Column(name = "repeat_count")
    private Integer repeatCount;
    /** The superior office that referred the letter (批办件/交办件), if one did. */
    @Column(name = "referral_office")
    private String referralOffice;

    protected RegisterEntry() {
    }

    public String getReferralOffice() {
        return referralOffice;
    }

    public static RegisterEntry of(LetterView view) {
        RegisterEntry e = new RegisterEntry();
        e.letterId = view.letterId;
        e.serialNo = view.serialNo;
        e.receivedAt = view.receivedAt;
        e.senderName = view.sender.name();
        e.senderInfo = senderInfo(view.sender);
        e.senderId = view.senderId;
        e.repeatCount = view.repeatCount;
        e.subject = view.subject;
        e.coreRequest = view.coreRequest;
        e.attachmentList = view.attachments.stream().map(RegisterEntry::attachment)
                .collect(Collectors.joining("; "));
        e.department = view.department;
        e.assignee = view.assignee;
        e.status = view.status;
        LetterView.Deadline first = view.deadlines.get(DeadlineKind.FIRST_RESPONSE);
        LetterView.Deadline reply = view.deadlines.get(DeadlineKind.REPLY);
        e.firstResponseDue = first == null ? null : first.due;
        e.replyDue = reply == null ? null : reply.due;
        e.completedAt = view.completedAt();
        e.remarks = view.remarks;
        e.channel = view.channel;
        e.category = view.category;
        e.urgent = view.urgent;
        e.overdue = view.overdue;
        e.atRisk = view.atRisk;
        e.openCorrections = view.openCorrections;
        e.openDisputes = view.openDisputes;
        e.openCommitments = view.openCommitments;
        e.version = view.version;
        e.referralOffice = view.referralOffice();
        return e;
    }

    /** 发件人信息: name or company and contact details, as the form records them. */
    private static String senderInfo(Sender s) {
        return Stream.of(s.name(), s.organization(), s.phone(), s.email(), s.address())
                .filter(Objects::nonNull).filter(v -> !v.isBlank()).collect(Collectors.joining(" / "));
    }

    private static String attachment(Attachment a) {
        return a.contentType() == null ? a.fileName() : a.fileName() + " (" + a.contentType() + ")";
    }

    public String getLetterId() {
        return letterId;
    }

    public String getSenderId() {
        return senderId;
    }

    public Integer getRepeatCount() {
        return repeatCount;
    }

    public String getSerialNo() {
        return serialNo;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getSenderName() {
        return senderName;
    }

    public String getSenderInfo() {
        return senderInfo;
    }

    public String getSubject() {
        return subject;
    }

    public String getCoreRequest() {
        return coreRequest;
    }

    public String getAttachmentList() {
        return attachmentList;
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

    public Instant getFirstResponseDue() {
        return firstResponseDue;
    }

    public Instant getReplyDue() {
        return replyDue;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getRemarks() {
        return remarks;
    }

    public Channel getChannel() {
        return channel;
    }

    public Category getCategory() {
        return category;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public boolean isOverdue() {
        return overdue;
    }

    /**
     * Overdue as staff see it at {@code now}: once a DeadlineMissed was recorded, or as soon as an unanswered reply
     * is past due (before the deadline scheduler has caught up). {@link RegisterFilter} applies the same rule in SQL.
     */
    public boolean isOverdueAt(Instant now) {
        return overdue || completedAt == null && replyDue != null && replyDue.isBefore(now);
    }

    public boolean isAtRisk() {
        return atRisk;
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

    public long getVersion() {
        return version;
    }
}
