package org.letterdesk.query.letter;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.letterdesk.events.*;
import org.letterdesk.personaldata.PersonalDataMask;
import org.letterdesk.procedure.DeadlineMeeting;
import org.letterdesk.procedure.DraftStage;
import org.letterdesk.procedure.LetterProgress;
import org.letterdesk.procedure.ReviewLevels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A letter as staff and auditors read it: the fold of its events. The same fold serves the stored read model and
 * the state of a letter as of any past instant, so the two can never disagree. Fields are public so the document
 * is plain JSON; only {@link #apply} changes them.
 */
public class LetterView {

    public String letterId;
    public String serialNo;
    public long version = -1;
    public LetterStatus status;
    public Channel channel;
    public Instant receivedAt;
    /** The sender, personal fields masked (API.md); {@code [已删除]} after erasure. */
    public Sender sender;
    /** The sender file the registration matched or opened; null for letters registered before sender files. */
    public String senderId;
    /** The file's earlier letters at registration (信访次数 − 1). */
    public Integer repeatCount;
    public Collective collective;
    public String subject;
    public String coreRequest;
    public Category category;
    public List<Attachment> attachments = new ArrayList<>();
    public String remarks;
    public boolean urgent;
    public String urgentReason;
    public Department department;
    public String assignee;
    public List<Forwarding> forwardings = new ArrayList<>();
    public Instant firstContactAt;
    public Flags flags = new Flags(false, false, false, false, null);
    public Approval legalApproval;
    public Approval identityVerification;
    public Map<DeadlineKind, Deadline> deadlines = new LinkedHashMap<>();
    public List<Draft> drafts = new ArrayList<>();
    public Reply reply;
    public FollowUp followUp;
    public List<Delay> delays = new ArrayList<>();
    public List<Correction> corrections = new ArrayList<>();
    public List<Dispute> disputes = new ArrayList<>();
    /** The reply's commitments (答复承诺事项), from the reply on. */
    public List<CommitmentView> commitments = new ArrayList<>();
    /** Supervision items (督办), in the order opened. */
    public List<Supervision> supervisions = new ArrayList<>();
    public Archive archive;
    public int openCommitments;
    /** 0 none, 1 the department's supervisor, 2 the director: the highest level of an open supervision item. */
    public int supervisionLevel;
    /** A petition's (信访) acceptance, extension and review requests; null for any other category. */
    @JsonInclude(JsonInclude.Include.NON_NULL) // absent, not null, in the documents of letters before them
    public Petition petition;
    /** The earlier letter this one was linked to at registration, and whether its matter was final then. */
    @JsonInclude(JsonInclude.Include.NON_NULL) // absent, not null, in the documents of letters before them
    public Related related;
    /** The referring office (批办件) and the reports back to it; null for a letter not referred. */
    @JsonInclude(JsonInclude.Include.NON_NULL) // absent, not null, in the documents of letters before them
    public Referral referral;
    /** The routing rule that chose the department at registration, if one did. */
    @JsonInclude(JsonInclude.Include.NON_NULL) // absent, not null, in the documents of letters before them
    public Routing routing;
    public int openCorrections;
    public int openDisputes;
    public boolean overdue;
    public boolean atRisk;
    public List<String> warnings = new ArrayList<>();
    public Instant createdAt;
    public Instant updatedAt;

    public record Forwarding(Department from, Department to, String by, Instant at) {
    }

    public record Flags(boolean personalData, boolean financialInfo, boolean major, boolean complex, String note) {
    }

    public record Approval(String by, String method, String note, Instant at) {
    }

    public static class Deadline {
        public Instant startedAt;
        public Instant due;
        public Instant approachingAt;
        public String basis;
        public boolean holidayGraceApplied;
        public List<String> warnings = new ArrayList<>();
        /** OPEN, MET or MISSED. */
        public String state = "OPEN";
        public boolean approaching;
        public Instant metAt;
        public Boolean metOnTime;
    }

    public static class Draft {
        public int draftNo;
        public String drafter;
        public Instant draftedAt;
        public ReplyContent content;
        public List<WordingFinding> findings = new ArrayList<>();
        public List<Review> reviews = new ArrayList<>();
        public List<Commitment> commitments = new ArrayList<>();
    }

    public record Review(ReviewLevel level, ReviewDecision decision, String reviewer, String comment, Instant at) {
    }

    public record Reply(int draftNo, ReplyChannel channel, String recipient, String trackingNo, Instant sentAt) {
    }

    public record FollowUp(String note, Boolean satisfied, Satisfaction satisfaction, Instant at) {
    }

    /** A commitment of the sent reply. {@code status}: OPEN, FULFILLED, or MISSED (past due, not fulfilled). */
    public static class CommitmentView {
        public int n;
        public String what;
        public Department department;
        public LocalDate dueDate;
        public Instant openedAt;
        public Instant due;
        public Instant approachingAt;
        public boolean approaching;
        public boolean missed;
        public String status = "OPEN";
        public String evidence;
        public String fulfilledBy;
        public Instant fulfilledAt;
        public Boolean fulfilledOnTime;
    }

    /** A supervision item (督办) and its reminders (催办). */
    public static class Supervision {
        public int supervisionNo;
        public SupervisionReason reason;
        public DeadlineKind kind;
        public int ref;
        public Department department;
        public int level;
        public Instant openedAt;
        public Instant remindAt;
        public List<Instant> reminders = new ArrayList<>();
        public Instant resolvedAt;
        public String resolvedBy;
        public String note;
        public Boolean answered;
    }

    public static class Delay {
        public String reason;
        public Instant expectedCompletion;
        public String reportedBy;
        public Instant reportedAt;
        public Instant noticeSentAt;
    }

    public static class Correction {
        public int correctionNo;
        public String whatWasWrong;
        public String correctedContent;
        public CorrectionCause cause;
        public FoundBy foundBy;
        public String issuedBy;
        public Instant issuedAt;
        public String signedOffBy;
        public Instant signedOffAt;
    }

    public static class Dispute {
        public int disputeNo;
        public String points;
        public String senderView;
        public String organizationView;
        public Instant recordedAt;
        public Instant investigationDue;
        public boolean investigationApproaching;
        public boolean investigationMissed;
        public String findings;
        public Instant investigatedAt;
        public Boolean investigatedWithinDeadline;
        public String outcome;
        public Boolean escalated;
        public Instant resolvedAt;
    }

    public record Archive(String archiveNo, Instant archivedAt, Instant retainUntil) {
    }

    public static class Petition {
        public Acceptance acceptance;
        public Extension extension;
        public List<PetitionReview> reviewRequests = new ArrayList<>();
        /** After the second review's (复核) answer the matter is final (终结). */
        public boolean matterFinal;
    }

    public static class Acceptance {
        public AcceptanceDecision decision;
        public String reason;
        public String decidedBy;
        public Instant decidedAt;
        public Instant noticeSentAt;
    }

    public static class Extension {
        public int days;
        /** When the supervisor granted it. */
        public Instant extendedAt;
        public String reason;
        public String approvedBy;
        public Instant previousDue;
        public Instant replyDue;
        public Instant noticeSentAt;
    }

    /** A petition's review request (复查/复核) and its answer; named apart from the HTTP request bodies. */
    public static class PetitionReview {
        public int requestNo;
        public PetitionReviewKind kind;
        public String reason;
        public Instant requestedAt;
        public Instant answerDue;
        public String answer;
        public String answeredBy;
        public Instant answeredAt;
    }

    public static class Referral {
        public String office;
        public String referenceNo;
        public java.time.LocalDate dueDate;
        public List<ReferralReport> reports = new ArrayList<>();
        /** When the last required level approved a report: the report is done. */
        public Instant doneAt;
    }

    public static class ReferralReport {
        public int reportNo;
        public String problem;
        public String background;
        public String investigation;
        public String outcome;
        public String reporter;
        public Instant reportedAt;
        public List<Attachment> attachments = new ArrayList<>();
        public List<Review> reviews = new ArrayList<>();
    }

    /** @param matterFinal the related letter's matter was already final when this letter was registered */
    public record Related(String letterId, String serialNo, boolean matterFinal) {
    }

    public record Routing(String ruleId, Department department) {
    }

    /** Who did it and when, from the event message. */
    public record EventContext(long sequence, Instant at, String user) {
    }

    /** The deadlines whose miss makes the letter overdue: an answer owed to the sender or a referring office. */
    private static final java.util.Set<DeadlineKind> OWED_ANSWERS = java.util.EnumSet.of(
            DeadlineKind.FIRST_RESPONSE, DeadlineKind.REPLY, DeadlineKind.ACCEPTANCE, DeadlineKind.REVIEW,
            DeadlineKind.REFERRAL_REPORT);

    public void apply(Object event, EventContext ctx) {
        version = ctx.sequence();
        updatedAt = ctx.at();
        if (event instanceof LetterReceived e) {
            letterId = e.letterId();
            serialNo = e.serialNo();
            channel = e.channel();
            receivedAt = e.receivedAt();
            // Masked as it is folded, so no stored view or state-as-of ever holds a clear personal field.
            sender = PersonalDataMask.mask(e.sender());
            senderId = e.senderId();
            repeatCount = e.repeatCount();
            collective = e.collective();
            subject = e.subject();
            coreRequest = e.coreRequest();
            category = e.category();
            attachments = new ArrayList<>(e.attachments());
            remarks = e.remarks();
            createdAt = ctx.at();
            if (e.category() == Category.PETITION) {
                petition = new Petition();
            }
        } else if (event instanceof PersonalDataErased) {
            sender = PersonalDataMask.erased(sender);
            // The recipient was under the same key: a replay decrypts it to [已删除], so the live view says so too.
            if (reply != null && reply.recipient() != null) {
                reply = new Reply(reply.draftNo(), reply.channel(), PersonalDataMask.ERASED, reply.trackingNo(),
                        reply.sentAt());
            }
        } else if (event instanceof MarkedUrgent e) {
            urgent = true;
            urgentReason = e.reason();
        } else if (event instanceof DeadlineSet e) {
            Deadline d = new Deadline();
            d.startedAt = e.startedAt();
            d.due = e.due();
            d.approachingAt = e.approachingAt();
            d.basis = e.basis();
            d.holidayGraceApplied = e.holidayGraceApplied();
            d.warnings = new ArrayList<>(e.warnings());
            e.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
            if (e.kind() == DeadlineKind.DISPUTE_INVESTIGATION) {
                dispute(e.ref()).investigationDue = e.due();
            } else if (e.kind() == DeadlineKind.COMMITMENT) {
                commitment(e.ref()).ifPresent(c -> {
                    c.due = e.due();
                    c.approachingAt = e.approachingAt();
                });
            } else {
                deadlines.put(e.kind(), d);
            }
            if (e.kind() == DeadlineKind.REVIEW && petition != null) {
                petitionReview(e.ref()).answerDue = e.due();
            }
        } else if (event instanceof DeadlineApproaching e) {
            if (e.kind() == DeadlineKind.DISPUTE_INVESTIGATION) {
                dispute(e.ref()).investigationApproaching = true;
            } else if (e.kind() == DeadlineKind.COMMITMENT) {
                commitment(e.ref()).ifPresent(c -> c.approaching = true);
            }
            Deadline d = deadlines.get(e.kind());
            if (d != null && e.kind() != DeadlineKind.DISPUTE_INVESTIGATION) {
                d.approaching = true;
            }
        } else if (event instanceof DeadlineMissed e) {
            if (e.kind() == DeadlineKind.DISPUTE_INVESTIGATION) {
                dispute(e.ref()).investigationMissed = true;
            } else if (e.kind() == DeadlineKind.COMMITMENT) {
                commitment(e.ref()).ifPresent(c -> c.missed = true);
            }
            Deadline d = deadlines.get(e.kind());
            if (d != null && e.kind() != DeadlineKind.DISPUTE_INVESTIGATION) {
                d.state = "MISSED";
            }
            if (OWED_ANSWERS.contains(e.kind())) {
                overdue = true;
            }
        } else if (event instanceof LetterAssigned e) {
            if (e.previousDepartment() != null) {
                forwardings.add(new Forwarding(e.previousDepartment(), e.department(), ctx.user(), ctx.at()));
            }
            department = e.department();
            assignee = e.assignee();
        } else if (event instanceof FirstContactMade e) {
            firstContactAt = e.contactedAt();
        } else if (event instanceof ContentFlagged e) {
            flags = new Flags(e.personalData(), e.financialInfo(), e.major(), e.complex(), e.note());
        } else if (event instanceof LegalApprovalGranted e) {
            legalApproval = new Approval(e.approvedBy(), null, e.note(), ctx.at());
        } else if (event instanceof IdentityVerified e) {
            identityVerification = new Approval(e.verifiedBy(), e.method(), e.note(), ctx.at());
        } else if (event instanceof ReplyDrafted e) {
            Draft draft = new Draft();
            draft.draftNo = e.draftNo();
            draft.drafter = e.drafter();
            draft.draftedAt = ctx.at();
            draft.content = e.content();
            draft.findings = new ArrayList<>(e.findings());
            draft.commitments = new ArrayList<>(e.commitments());
            drafts.add(draft);
        } else if (event instanceof ReviewApproved e) {
            draft(e.draftNo()).reviews.add(new Review(e.level(), ReviewDecision.APPROVED, e.reviewer(), e.comment(),
                    ctx.at()));
        } else if (event instanceof ReviewRejected e) {
            draft(e.draftNo()).reviews.add(new Review(e.level(), ReviewDecision.REJECTED, e.reviewer(), e.comment(),
                    ctx.at()));
        } else if (event instanceof ReplySent e) {
            reply = new Reply(e.draftNo(), e.channel(), PersonalDataMask.recipient(e.recipient()), e.trackingNo(), e.sentAt());
        } else if (event instanceof FollowUpRecorded e) {
            followUp = new FollowUp(e.note(), e.satisfied(), e.satisfaction(), ctx.at());
        } else if (event instanceof DelayReported e) {
            Delay delay = new Delay();
            delay.reason = e.reason();
            delay.expectedCompletion = e.expectedCompletion();
            delay.reportedBy = e.reportedBy();
            delay.reportedAt = ctx.at();
            delays.add(delay);
        } else if (event instanceof DelayNoticeSent e) {
            if (!delays.isEmpty()) {
                delays.get(delays.size() - 1).noticeSentAt = ctx.at();
            }
        } else if (event instanceof CorrectionIssued e) {
            Correction c = new Correction();
            c.correctionNo = e.correctionNo();
            c.whatWasWrong = e.whatWasWrong();
            c.correctedContent = e.correctedContent();
            c.cause = e.cause();
            c.foundBy = e.foundBy();
            c.issuedBy = e.issuedBy();
            c.issuedAt = ctx.at();
            corrections.add(c);
        } else if (event instanceof CorrectionSignedOff e) {
            corrections.stream().filter(c -> c.correctionNo == e.correctionNo()).findFirst().ifPresent(c -> {
                c.signedOffBy = e.signedOffBy();
                c.signedOffAt = ctx.at();
            });
        } else if (event instanceof DisputeRecorded e) {
            Dispute d = dispute(e.disputeNo());
            d.points = e.points();
            d.senderView = e.senderView();
            d.organizationView = e.organizationView();
            d.recordedAt = ctx.at();
        } else if (event instanceof DisputeInvestigated e) {
            Dispute d = dispute(e.disputeNo());
            d.findings = e.findings();
            d.investigatedAt = ctx.at();
            d.investigatedWithinDeadline = e.withinDeadline();
        } else if (event instanceof DisputeResolved e) {
            Dispute d = dispute(e.disputeNo());
            d.outcome = e.outcome();
            d.escalated = e.escalated();
            d.resolvedAt = ctx.at();
        } else if (event instanceof CommitmentOpened e) {
            CommitmentView c = new CommitmentView();
            c.n = e.n();
            c.what = e.what();
            c.department = e.department();
            c.dueDate = e.dueDate();
            c.openedAt = e.openedAt();
            commitments.add(c);
        } else if (event instanceof CommitmentFulfilled e) {
            commitment(e.n()).ifPresent(c -> {
                c.evidence = e.evidence();
                c.fulfilledBy = e.fulfilledBy();
                c.fulfilledAt = e.fulfilledAt();
                c.fulfilledOnTime = c.due == null ? null : !e.fulfilledAt().isAfter(c.due);
            });
        } else if (event instanceof SupervisionOpened e) {
            Supervision s = new Supervision();
            s.supervisionNo = e.supervisionNo();
            s.reason = e.reason();
            s.kind = e.kind();
            s.ref = e.ref();
            s.department = e.department();
            s.level = e.level();
            s.openedAt = e.openedAt();
            s.remindAt = e.remindAt();
            supervisions.add(s);
        } else if (event instanceof SupervisionReminded e) {
            supervision(e.supervisionNo()).ifPresent(s -> {
                s.level = e.level();
                s.reminders.add(e.remindedAt());
                s.remindAt = e.nextRemindAt();
            });
        } else if (event instanceof SupervisionResolved e) {
            supervision(e.supervisionNo()).ifPresent(s -> {
                s.resolvedAt = e.resolvedAt();
                s.resolvedBy = e.resolvedBy();
                s.note = e.note();
                s.answered = e.answered();
                s.remindAt = null;
            });
        } else if (event instanceof LetterArchived e) {
            archive = new Archive(e.archiveNo(), e.archivedAt(), e.retainUntil());
        } else {
            applyProcedure(event, ctx);
        }
        DeadlineMeeting.metBy(event).forEach(met -> meet(met.kind(), met.at() != null ? met.at() : ctx.at()));
        derive();
    }

    /** The events of the special procedures: petitions, linked letters, routing. */
    private void applyProcedure(Object event, EventContext ctx) {
        if (event instanceof PetitionAcceptanceDecided e && petition != null) {
            Acceptance a = new Acceptance();
            a.decision = e.decision();
            a.reason = e.reason();
            a.decidedBy = e.decidedBy();
            a.decidedAt = e.decidedAt();
            petition.acceptance = a;
        } else if (event instanceof PetitionAcceptanceNoticeSent e && petition != null
                && petition.acceptance != null) {
            petition.acceptance.noticeSentAt = ctx.at();
        } else if (event instanceof PetitionReplyExtended e && petition != null) {
            Extension x = new Extension();
            x.days = e.days();
            x.reason = e.reason();
            x.approvedBy = e.approvedBy();
            x.previousDue = e.previousDue();
            x.extendedAt = ctx.at();
            petition.extension = x;
        } else if (event instanceof PetitionExtensionNoticeSent e && petition != null
                && petition.extension != null) {
            petition.extension.replyDue = e.replyDue();
            petition.extension.noticeSentAt = ctx.at();
        } else if (event instanceof PetitionReviewRequested e && petition != null) {
            PetitionReview r = petitionReview(e.requestNo());
            r.kind = e.kind();
            r.reason = e.reason();
            r.requestedAt = e.requestedAt();
        } else if (event instanceof PetitionReviewAnswered e && petition != null) {
            PetitionReview r = petitionReview(e.requestNo());
            r.answer = e.answer();
            r.answeredBy = e.answeredBy();
            r.answeredAt = e.answeredAt();
            petition.matterFinal = petition.matterFinal || e.matterFinal();
        } else if (event instanceof LetterLinked e) {
            related = new Related(e.relatedLetterId(), e.relatedSerialNo(), e.relatedMatterFinal());
        } else if (event instanceof ReferralRecorded e) {
            referral = new Referral();
            referral.office = e.office();
            referral.referenceNo = e.referenceNo();
            referral.dueDate = e.dueDate();
        } else if (event instanceof ReferralReported e && referral != null) {
            ReferralReport r = new ReferralReport();
            r.reportNo = e.reportNo();
            r.problem = e.problem();
            r.background = e.background();
            r.investigation = e.investigation();
            r.outcome = e.outcome();
            r.reporter = e.reporter();
            r.reportedAt = ctx.at();
            r.attachments = new ArrayList<>(e.attachments());
            referral.reports.add(r);
        } else if (event instanceof ReferralReportReviewed e && referral != null) {
            referral.reports.stream().filter(r -> r.reportNo == e.reportNo()).findFirst().ifPresent(r ->
                    r.reviews.add(new Review(e.level(), e.decision(), e.reviewer(), e.comment(), ctx.at())));
            if (e.completed()) {
                referral.doneAt = ctx.at();
            }
        } else if (event instanceof SenderRepeatCounted e) {
            // A petition's count, recorded again for its form; the same as LetterReceived's where a file matched.
            repeatCount = e.repeatCount();
        } else if (event instanceof LetterRouted e) {
            routing = new Routing(e.ruleId(), e.department());
        }
    }

    private PetitionReview petitionReview(int requestNo) {
        for (PetitionReview r : petition.reviewRequests) {
            if (r.requestNo == requestNo) {
                return r;
            }
        }
        PetitionReview r = new PetitionReview();
        r.requestNo = requestNo;
        petition.reviewRequests.add(r);
        return r;
    }

    /** A dispute's investigation deadline is kept with its dispute, which its own event records as met. */
    private void meet(DeadlineKind kind, Instant at) {
        Deadline d = deadlines.get(kind);
        if (d != null && d.metAt == null) {
            d.metAt = at;
            d.metOnTime = !at.isAfter(d.due);
            if (!"MISSED".equals(d.state)) {
                d.state = "MET";
            }
        }
    }

    private Draft draft(int draftNo) {
        return drafts.stream().filter(d -> d.draftNo == draftNo).findFirst().orElseThrow(
                () -> new IllegalStateException("no draft " + draftNo + " in letter " + letterId));
    }

    private java.util.Optional<CommitmentView> commitment(int n) {
        return commitments.stream().filter(c -> c.n == n).findFirst();
    }

    private java.util.Optional<Supervision> supervision(int no) {
        return supervisions.stream().filter(s -> s.supervisionNo == no).findFirst();
    }

    private Dispute dispute(int disputeNo) {
        for (Dispute d : disputes) {
            if (d.disputeNo == disputeNo) {
                return d;
            }
        }
        Dispute d = new Dispute();
        d.disputeNo = disputeNo;
        disputes.add(d);
        return d;
    }

    /** Status, open counts and risk follow from the facts above, exactly as the procedure defines them. */
    private void derive() {
        openCorrections = (int) corrections.stream().filter(c -> c.signedOffAt == null).count();
        openDisputes = (int) disputes.stream().filter(d -> d.resolvedAt == null).count();
        commitments.forEach(c -> c.status = c.fulfilledAt != null ? "FULFILLED" : c.missed ? "MISSED" : "OPEN");
        openCommitments = (int) commitments.stream().filter(c -> c.fulfilledAt == null).count();
        supervisionLevel = supervisions.stream().filter(s -> s.resolvedAt == null).mapToInt(s -> s.level).max()
                .orElse(0);
        atRisk = deadlines.values().stream().anyMatch(d -> d.approaching && "OPEN".equals(d.state))
                || disputes.stream().anyMatch(d -> d.investigationApproaching && !d.investigationMissed
                && d.investigatedAt == null)
                || commitments.stream().anyMatch(c -> c.approaching && "OPEN".equals(c.status));
        status = deriveStatus();
    }

    private LetterStatus deriveStatus() {
        return new LetterProgress(department != null, draftStage(), reply != null,
                reply != null && flags.complex() && followUp == null, openCorrections, openDisputes,
                archive != null, notAccepted(), openObligations(), openCommitments).status();
    }

    /** A petition not accepted (不予受理): closed once notified. */
    public boolean notAccepted() {
        return petition != null && petition.acceptance != null
                && petition.acceptance.decision == AcceptanceDecision.NOT_ACCEPTED;
    }

    /**
     * Answers owed besides the reply, as the letter aggregate counts them: unanswered review requests, a referral
     * report not yet done.
     */
    private int openObligations() {
        int reviews = petition == null ? 0
                : (int) petition.reviewRequests.stream().filter(r -> r.answeredAt == null).count();
        return reviews + (referral != null && referral.doneAt == null ? 1 : 0);
    }

    private DraftStage draftStage() {
        if (drafts.isEmpty()) {
            return DraftStage.NONE;
        }
        Draft latest = drafts.get(drafts.size() - 1);
        if (latest.reviews.stream().anyMatch(r -> r.decision() == ReviewDecision.REJECTED)) {
            return DraftStage.REJECTED;
        }
        List<ReviewLevel> approved = latest.reviews.stream().map(Review::level).toList();
        return ReviewLevels.next(flags.major(), approved).isEmpty() ? DraftStage.APPROVED : DraftStage.IN_REVIEW;
    }

    /** Some deadline of the letter was missed: its first response or reply (overdue), a follow-up, an investigation. */
    public boolean deadlineMissed() {
        return overdue || deadlines.values().stream().anyMatch(d -> "MISSED".equals(d.state))
                || disputes.stream().anyMatch(d -> d.investigationMissed)
                || commitments.stream().anyMatch(c -> c.missed);
    }

    /** The office that referred the letter (交办单位), or null. */
    public String referralOffice() {
        return referral == null ? null : referral.office;
    }

    /** The register's 实际完成时间: when the reply went out, or when a petition's non-acceptance was decided. */
    public Instant completedAt() {
        if (reply != null) {
            return reply.sentAt();
        }
        return notAccepted() ? petition.acceptance.decidedAt : null;
    }
}
