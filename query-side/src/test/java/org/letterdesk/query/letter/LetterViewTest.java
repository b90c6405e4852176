package org.letterdesk.query.letter;

import org.junit.jupiter.api.Test;
import org.letterdesk.events.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fold every read model starts from: what each event does to a letter's view, and the status, open counts and
 * risk flags derived after it.
 */
class LetterViewTest {

    private static final String ID = "0190a1b2-0000-7000-8000-000000000001";
    private static final Instant T0 = Instant.parse("2026-09-30T07:00:00Z");
    private static final Sender SENDER = new Sender("张三", "某公司", "13800000000", "z@example.com", "北京市", null);
    private static final ReplyContent CONTENT = new ReplyContent("尊敬的张三：", "摘要", List.of("　　一、答复"),
            List.of(), List.of());

    private final LetterView view = new LetterView();
    private long sequence = -1;

    private LetterView apply(Object event, Instant at, String user) {
        view.apply(event, new LetterView.EventContext(++sequence, at, user));
        return view;
    }

    private LetterView apply(Object event) {
        return apply(event, T0.plus(Duration.ofMinutes(sequence + 1)), "someone");
    }

    private void received() {
        apply(new LetterReceived(ID, "2026-000001", Channel.EMAIL, T0, SENDER, "主题", "诉求", Category.COMPLAINT,
                List.of(new Attachment("a.pdf", "application/pdf", 10L, null)), "备注"), T0, "clerk");
    }

    private void deadline(DeadlineKind kind, int ref, Instant due) {
        apply(new DeadlineSet(ID, kind, ref, T0, due, due.minus(Duration.ofHours(1)), "24 working hours", false,
                List.of()));
    }

    private void assigned() {
        apply(new LetterAssigned(ID, Department.CUSTOMER_SERVICE, "harry", null));
    }

    private void drafted(int draftNo, List<WordingFinding> findings) {
        apply(new ReplyDrafted(ID, draftNo, "harry", CONTENT, findings));
    }

    private void approved(int draftNo, ReviewLevel level, String reviewer) {
        apply(new ReviewApproved(ID, draftNo, level, reviewer, "同意"));
    }

    private void sent() {
        apply(new ReplySent(ID, 1, ReplyChannel.PHONE, null, null, T0.plus(Duration.ofHours(5))));
    }

    private void approvedAndSent() {
        assigned();
        drafted(1, List.of());
        approved(1, ReviewLevel.FORMAT, "rita");
        approved(1, ReviewLevel.SUPERVISOR, "sam");
        sent();
    }

    @Test
    void personalDataErasedShowsErasedWhereTheDataWas() {
        received();
        view.apply(new PersonalDataErased(ID, "s-1"), new LetterView.EventContext(9, T0, "system"));
        assertThat(view.sender).isEqualTo(new Sender("张三", "某公司", "[已删除]", "[已删除]", "[已删除]", null));
    }

    @Test
    void personalDataErasedErasesTheRepliesMaskedRecipientAsAReplayWould() {
        received();
        assigned();
        drafted(1, List.of());
        approved(1, ReviewLevel.FORMAT, "rita");
        approved(1, ReviewLevel.SUPERVISOR, "sam");
        apply(new ReplySent(ID, 1, ReplyChannel.EMAIL, "zhang.san@example.com", null, T0.plus(Duration.ofHours(5)),
                "s-1"));
        assertThat(view.reply.recipient()).isEqualTo("z***@example.com");
        apply(new PersonalDataErased(ID, "s-1"));
        assertThat(view.reply.recipient()).isEqualTo("[已删除]");
        assertThat(view.reply.channel()).isEqualTo(ReplyChannel.EMAIL);
    }

    @Test
    void letterReceivedRecordsTheRegistration() {
        received();
        assertThat(view.letterId).isEqualTo(ID);
        assertThat(view.serialNo).isEqualTo("2026-000001");
        assertThat(view.channel).isEqualTo(Channel.EMAIL);
        assertThat(view.receivedAt).isEqualTo(T0);
        // The view holds the sender masked, never in clear.
        assertThat(view.sender).isEqualTo(new Sender("张三", "某公司", "138****0000", "z***@example.com", "****",
                null));
        assertThat(view.subject).isEqualTo("主题");
        assertThat(view.coreRequest).isEqualTo("诉求");
        assertThat(view.category).isEqualTo(Category.COMPLAINT);
        assertThat(view.attachments).extracting(Attachment::fileName).containsExactly("a.pdf");
        assertThat(view.remarks).isEqualTo("备注");
        assertThat(view.createdAt).isEqualTo(T0);
        assertThat(view.version).isZero();
        assertThat(view.status).isEqualTo(LetterStatus.RECEIVED);
    }

    @Test
    void markedUrgentKeepsTheReason() {
        received();
        apply(new MarkedUrgent(ID, "安全隐患"));
        assertThat(view.urgent).isTrue();
        assertThat(view.urgentReason).isEqualTo("安全隐患");
    }

    @Test
    void deadlineSetOpensADeadlineAndCollectsItsWarnings() {
        received();
        Instant due = T0.plus(Duration.ofDays(3));
        apply(new DeadlineSet(ID, DeadlineKind.REPLY, 0, T0, due, due.minus(Duration.ofHours(5)),
                "72 working hours + holiday grace", true, List.of("no working-day calendar loaded for 2027")));
        LetterView.Deadline d = view.deadlines.get(DeadlineKind.REPLY);
        assertThat(d.due).isEqualTo(due);
        assertThat(d.state).isEqualTo("OPEN");
        assertThat(d.basis).isEqualTo("72 working hours + holiday grace");
        assertThat(d.holidayGraceApplied).isTrue();
        assertThat(view.warnings).containsExactly("no working-day calendar loaded for 2027");
    }

    @Test
    void deadlineSetOfAnInvestigationGoesToItsDispute() {
        received();
        apply(new DisputeRecorded(ID, 1, "争议点", "客户观点", "我方观点"));
        Instant due = T0.plus(Duration.ofDays(3));
        deadline(DeadlineKind.DISPUTE_INVESTIGATION, 1, due);
        assertThat(view.disputes.get(0).investigationDue).isEqualTo(due);
        assertThat(view.deadlines).doesNotContainKey(DeadlineKind.DISPUTE_INVESTIGATION);
    }

    @Test
    void deadlineApproachingPutsAnOpenLetterAtRisk() {
        received();
        deadline(DeadlineKind.FIRST_RESPONSE, 0, T0.plus(Duration.ofDays(1)));
        apply(new DeadlineApproaching(ID, DeadlineKind.FIRST_RESPONSE, 0, T0.plus(Duration.ofDays(1))));
        assertThat(view.deadlines.get(DeadlineKind.FIRST_RESPONSE).approaching).isTrue();
        assertThat(view.atRisk).isTrue();
    }

    @Test
    void deadlineMissedOfTheReplyMakesTheLetterOverdue() {
        received();
        deadline(DeadlineKind.REPLY, 0, T0.plus(Duration.ofDays(1)));
        apply(new DeadlineMissed(ID, DeadlineKind.REPLY, 0, T0.plus(Duration.ofDays(1))));
        assertThat(view.deadlines.get(DeadlineKind.REPLY).state).isEqualTo("MISSED");
        assertThat(view.overdue).isTrue();
        assertThat(view.deadlineMissed()).isTrue();
    }

    @Test
    void deadlineMissedOfAnInvestigationIsMissedButNotOverdue() {
        received();
        apply(new DisputeRecorded(ID, 1, "争议点", "客户观点", "我方观点"));
        deadline(DeadlineKind.DISPUTE_INVESTIGATION, 1, T0.plus(Duration.ofDays(3)));
        apply(new DeadlineApproaching(ID, DeadlineKind.DISPUTE_INVESTIGATION, 1, T0.plus(Duration.ofDays(3))));
        assertThat(view.atRisk).isTrue();
        apply(new DeadlineMissed(ID, DeadlineKind.DISPUTE_INVESTIGATION, 1, T0.plus(Duration.ofDays(3))));
        assertThat(view.disputes.get(0).investigationMissed).isTrue();
        assertThat(view.overdue).isFalse();
        assertThat(view.atRisk).isFalse();
        assertThat(view.deadlineMissed()).isTrue();
    }

    @Test
    void letterAssignedRecordsForwardingsAfterTheFirst() {
        received();
        assigned();
        assertThat(view.status).isEqualTo(LetterStatus.ASSIGNED);
        assertThat(view.forwardings).isEmpty();
        apply(new LetterAssigned(ID, Department.BUSINESS, null, Department.CUSTOMER_SERVICE), T0, "sam");
        assertThat(view.department).isEqualTo(Department.BUSINESS);
        assertThat(view.assignee).isNull();
        assertThat(view.forwardings).containsExactly(
                new LetterView.Forwarding(Department.CUSTOMER_SERVICE, Department.BUSINESS, "sam", T0));
    }

    @Test
    void firstContactMadeMeetsTheFirstResponseAtItsOwnTime() {
        received();
        Instant due = T0.plus(Duration.ofDays(1));
        deadline(DeadlineKind.FIRST_RESPONSE, 0, due);
        Instant contacted = T0.plus(Duration.ofHours(2));
        apply(new FirstContactMade(ID, "PHONE", "已联系", contacted), T0.plus(Duration.ofHours(3)), "clerk");
        LetterView.Deadline d = view.deadlines.get(DeadlineKind.FIRST_RESPONSE);
        assertThat(view.firstContactAt).isEqualTo(contacted);
        assertThat(d.state).isEqualTo("MET");
        assertThat(d.metAt).isEqualTo(contacted);
        assertThat(d.metOnTime).isTrue();
    }

    @Test
    void contentFlaggedSetsTheFlags() {
        received();
        apply(new ContentFlagged(ID, true, false, true, false, "审核"));
        assertThat(view.flags).isEqualTo(new LetterView.Flags(true, false, true, false, "审核"));
    }

    @Test
    void legalApprovalGrantedRecordsWhoApproved() {
        received();
        Instant at = T0.plus(Duration.ofHours(1));
        apply(new LegalApprovalGranted(ID, "lena", "可以答复"), at, "lena");
        assertThat(view.legalApproval).isEqualTo(new LetterView.Approval("lena", null, "可以答复", at));
    }

    @Test
    void identityVerifiedRecordsHowAndByWhom() {
        received();
        Instant at = T0.plus(Duration.ofHours(1));
        apply(new IdentityVerified(ID, "PHONE", "clara", "已核实"), at, "clara");
        assertThat(view.identityVerification).isEqualTo(new LetterView.Approval("clara", "PHONE", "已核实", at));
    }

    @Test
    void replyDraftedAddsADraftInReview() {
        received();
        assigned();
        WordingFinding finding = new WordingFinding("ABSOLUTE_PROMISE", "保证", "points[0]", 4, null);
        Instant at = T0.plus(Duration.ofHours(1));
        apply(new ReplyDrafted(ID, 1, "harry", CONTENT, List.of(finding)), at, "harry");
        LetterView.Draft draft = view.drafts.get(0);
        assertThat(draft.draftNo).isEqualTo(1);
        assertThat(draft.drafter).isEqualTo("harry");
        assertThat(draft.draftedAt).isEqualTo(at);
        assertThat(draft.content).isEqualTo(CONTENT);
        assertThat(draft.findings).containsExactly(finding);
        assertThat(view.status).isEqualTo(LetterStatus.IN_REVIEW);
    }

    @Test
    void reviewApprovedAtEveryRequiredLevelApprovesTheDraft() {
        received();
        assigned();
        drafted(1, List.of());
        approved(1, ReviewLevel.FORMAT, "rita");
        assertThat(view.status).isEqualTo(LetterStatus.IN_REVIEW);
        approved(1, ReviewLevel.SUPERVISOR, "sam");
        assertThat(view.drafts.get(0).reviews).extracting(LetterView.Review::level)
                .containsExactly(ReviewLevel.FORMAT, ReviewLevel.SUPERVISOR);
        assertThat(view.status).isEqualTo(LetterStatus.APPROVED);
    }

    @Test
    void aMajorIssueNeedsTheDirectorToo() {
        received();
        assigned();
        apply(new ContentFlagged(ID, false, false, true, false, null));
        drafted(1, List.of());
        approved(1, ReviewLevel.FORMAT, "rita");
        approved(1, ReviewLevel.SUPERVISOR, "sam");
        assertThat(view.status).isEqualTo(LetterStatus.IN_REVIEW);
        approved(1, ReviewLevel.DIRECTOR, "diana");
        assertThat(view.status).isEqualTo(LetterStatus.APPROVED);
    }

    @Test
    void reviewRejectedSendsTheLetterBackToDrafting() {
        received();
        assigned();
        drafted(1, List.of());
        apply(new ReviewRejected(ID, 1, ReviewLevel.FORMAT, "rita", "请修改"));
        assertThat(view.drafts.get(0).reviews.get(0).decision()).isEqualTo(ReviewDecision.REJECTED);
        assertThat(view.status).isEqualTo(LetterStatus.DRAFTING);
        drafted(2, List.of());
        assertThat(view.status).isEqualTo(LetterStatus.IN_REVIEW);
    }

    @Test
    void replySentMeetsTheIntakeDeadlinesAndClosesARegularLetter() {
        received();
        deadline(DeadlineKind.FIRST_RESPONSE, 0, T0.plus(Duration.ofHours(1)));
        deadline(DeadlineKind.REPLY, 0, T0.plus(Duration.ofDays(3)));
        approvedAndSent();
        Instant sentAt = T0.plus(Duration.ofHours(5));
        assertThat(view.reply).isEqualTo(new LetterView.Reply(1, ReplyChannel.PHONE, null, null, sentAt));
        assertThat(view.deadlines.get(DeadlineKind.REPLY).state).isEqualTo("MET");
        assertThat(view.deadlines.get(DeadlineKind.REPLY).metOnTime).isTrue();
        assertThat(view.deadlines.get(DeadlineKind.FIRST_RESPONSE).metOnTime).isFalse();
        assertThat(view.completedAt()).isEqualTo(sentAt);
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
    }

    @Test
    void aMissedDeadlineStaysMissedWhenMetLate() {
        received();
        deadline(DeadlineKind.REPLY, 0, T0.plus(Duration.ofHours(1)));
        apply(new DeadlineMissed(ID, DeadlineKind.REPLY, 0, T0.plus(Duration.ofHours(1))));
        approvedAndSent();
        LetterView.Deadline d = view.deadlines.get(DeadlineKind.REPLY);
        assertThat(d.state).isEqualTo("MISSED");
        assertThat(d.metOnTime).isFalse();
        assertThat(view.overdue).isTrue();
    }

    @Test
    void followUpRecordedClosesAComplexLetter() {
        received();
        apply(new ContentFlagged(ID, false, false, false, true, null));
        approvedAndSent();
        assertThat(view.status).isEqualTo(LetterStatus.SENT);
        deadline(DeadlineKind.FOLLOW_UP, 0, T0.plus(Duration.ofDays(2)));
        Instant at = T0.plus(Duration.ofDays(1));
        apply(new FollowUpRecorded(ID, "客户满意", true), at, "harry");
        assertThat(view.followUp).isEqualTo(new LetterView.FollowUp("客户满意", true, null, at));
        assertThat(view.deadlines.get(DeadlineKind.FOLLOW_UP).metAt).isEqualTo(at);
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
    }

    @Test
    void followUpRecordedKeepsTheSatisfaction() {
        received();
        apply(new ContentFlagged(ID, false, false, false, true, null));
        approvedAndSent();
        Instant at = T0.plus(Duration.ofDays(1));
        apply(new FollowUpRecorded(ID, "基本满意", true, Satisfaction.SATISFIED), at, "harry");
        assertThat(view.followUp).isEqualTo(new LetterView.FollowUp("基本满意", true, Satisfaction.SATISFIED, at));
    }

    private static final Commitment REFUND = new Commitment(1, "退款", Department.BUSINESS,
            java.time.LocalDate.parse("2026-10-31"));
    private static final Instant REFUND_DUE = Instant.parse("2026-10-31T16:00:00Z");

    private void committedAndSent() {
        assigned();
        apply(new ReplyDrafted(ID, 1, "harry", CONTENT, List.of(), List.of(REFUND)));
        approved(1, ReviewLevel.FORMAT, "rita");
        approved(1, ReviewLevel.SUPERVISOR, "sam");
        sent();
        apply(new CommitmentOpened(ID, 1, "退款", Department.BUSINESS, REFUND.dueDate(), T0.plus(Duration.ofHours(5))));
        apply(new DeadlineSet(ID, DeadlineKind.COMMITMENT, 1, T0.plus(Duration.ofHours(5)), REFUND_DUE,
                REFUND_DUE.minus(Duration.ofDays(6)), "end of due date 2026-10-31", false, List.of()));
    }

    @Test
    void replyDraftedKeepsTheCommitmentsItLists() {
        received();
        assigned();
        apply(new ReplyDrafted(ID, 1, "harry", CONTENT, List.of(), List.of(REFUND)));
        assertThat(view.drafts.get(0).commitments).containsExactly(REFUND);
        assertThat(view.commitments).isEmpty();
    }

    @Test
    void commitmentOpenedWithItsDeadlineKeepsTheLetterSent() {
        received();
        committedAndSent();
        LetterView.CommitmentView c = view.commitments.get(0);
        assertThat(c.n).isEqualTo(1);
        assertThat(c.what).isEqualTo("退款");
        assertThat(c.department).isEqualTo(Department.BUSINESS);
        assertThat(c.due).isEqualTo(REFUND_DUE);
        assertThat(c.status).isEqualTo("OPEN");
        assertThat(view.openCommitments).isEqualTo(1);
        assertThat(view.status).isEqualTo(LetterStatus.SENT);
        assertThat(view.deadlines).doesNotContainKey(DeadlineKind.COMMITMENT);
    }

    @Test
    void commitmentApproachingPutsTheLetterAtRisk() {
        received();
        committedAndSent();
        apply(new DeadlineApproaching(ID, DeadlineKind.COMMITMENT, 1, REFUND_DUE));
        assertThat(view.commitments.get(0).approaching).isTrue();
        assertThat(view.atRisk).isTrue();
    }

    @Test
    void commitmentMissedIsMissedUntilFulfilled() {
        received();
        committedAndSent();
        apply(new DeadlineMissed(ID, DeadlineKind.COMMITMENT, 1, REFUND_DUE));
        assertThat(view.commitments.get(0).status).isEqualTo("MISSED");
        assertThat(view.deadlineMissed()).isTrue();
        Instant late = REFUND_DUE.plus(Duration.ofDays(1));
        apply(new CommitmentFulfilled(ID, 1, "回单", "harry", late), late, "harry");
        assertThat(view.commitments.get(0).status).isEqualTo("FULFILLED");
        assertThat(view.commitments.get(0).fulfilledOnTime).isFalse();
    }

    @Test
    void commitmentFulfilledClosesTheLetter() {
        received();
        committedAndSent();
        Instant at = T0.plus(Duration.ofDays(3));
        apply(new CommitmentFulfilled(ID, 1, "银行回单", "sam", at), at, "sam");
        LetterView.CommitmentView c = view.commitments.get(0);
        assertThat(c.status).isEqualTo("FULFILLED");
        assertThat(c.evidence).isEqualTo("银行回单");
        assertThat(c.fulfilledBy).isEqualTo("sam");
        assertThat(c.fulfilledAt).isEqualTo(at);
        assertThat(c.fulfilledOnTime).isTrue();
        assertThat(view.openCommitments).isZero();
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
    }

    @Test
    void supervisionOpenedSetsLevelOne() {
        received();
        assigned();
        Instant remindAt = T0.plus(Duration.ofDays(2));
        apply(new SupervisionOpened(ID, 1, SupervisionReason.DEADLINE_MISSED, DeadlineKind.REPLY, 0,
                Department.CUSTOMER_SERVICE, 1, T0, remindAt));
        assertThat(view.supervisionLevel).isEqualTo(1);
        assertThat(view.supervisions.get(0).reason).isEqualTo(SupervisionReason.DEADLINE_MISSED);
        assertThat(view.supervisions.get(0).remindAt).isEqualTo(remindAt);
    }

    @Test
    void supervisionRemindedRaisesTheLevel() {
        received();
        assigned();
        Instant remindAt = T0.plus(Duration.ofDays(2));
        apply(new SupervisionOpened(ID, 1, SupervisionReason.DISSATISFIED, null, 0, Department.CUSTOMER_SERVICE, 1,
                T0, remindAt));
        apply(new SupervisionReminded(ID, 1, 2, remindAt, null));
        assertThat(view.supervisionLevel).isEqualTo(2);
        assertThat(view.supervisions.get(0).reminders).containsExactly(remindAt);
        assertThat(view.supervisions.get(0).remindAt).isNull();
    }

    @Test
    void supervisionResolvedClearsTheLevel() {
        received();
        assigned();
        apply(new SupervisionOpened(ID, 1, SupervisionReason.DISSATISFIED, null, 0, Department.CUSTOMER_SERVICE, 1,
                T0, T0.plus(Duration.ofDays(2))));
        Instant at = T0.plus(Duration.ofDays(1));
        apply(new SupervisionResolved(ID, 1, false, "sam", "已处理", at));
        assertThat(view.supervisionLevel).isZero();
        assertThat(view.supervisions.get(0).resolvedAt).isEqualTo(at);
        assertThat(view.supervisions.get(0).resolvedBy).isEqualTo("sam");
        assertThat(view.supervisions.get(0).answered).isFalse();
    }

    @Test
    void delayReportedAndItsNoticeAreOneDelay() {
        received();
        Instant expected = T0.plus(Duration.ofDays(5));
        Instant reportedAt = T0.plus(Duration.ofHours(1));
        apply(new DelayReported(ID, "需调取日志", expected, "harry"), reportedAt, "harry");
        apply(new DelayNoticeSent(ID, "需调取日志", expected), reportedAt, "harry");
        LetterView.Delay delay = view.delays.get(0);
        assertThat(delay.reason).isEqualTo("需调取日志");
        assertThat(delay.expectedCompletion).isEqualTo(expected);
        assertThat(delay.reportedBy).isEqualTo("harry");
        assertThat(delay.reportedAt).isEqualTo(reportedAt);
        assertThat(delay.noticeSentAt).isEqualTo(reportedAt);
    }

    @Test
    void correctionIssuedIsOpenUntilSignedOff() {
        received();
        approvedAndSent();
        apply(new CorrectionIssued(ID, 1, "金额有误", "应为十二元", CorrectionCause.TYPO, FoundBy.CUSTOMER_CALLBACK,
                "harry"));
        assertThat(view.corrections.get(0).cause).isEqualTo(CorrectionCause.TYPO);
        assertThat(view.openCorrections).isEqualTo(1);
        assertThat(view.status).isEqualTo(LetterStatus.SENT);
        Instant at = T0.plus(Duration.ofDays(1));
        apply(new CorrectionSignedOff(ID, 1, "sam", "已核对"), at, "sam");
        assertThat(view.corrections.get(0).signedOffBy).isEqualTo("sam");
        assertThat(view.corrections.get(0).signedOffAt).isEqualTo(at);
        assertThat(view.openCorrections).isZero();
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
    }

    @Test
    void disputesAreOpenUntilResolved() {
        received();
        approvedAndSent();
        apply(new DisputeRecorded(ID, 1, "争议点", "客户观点", "我方观点"));
        assertThat(view.openDisputes).isEqualTo(1);
        assertThat(view.status).isEqualTo(LetterStatus.SENT);
        deadline(DeadlineKind.DISPUTE_INVESTIGATION, 1, T0.plus(Duration.ofDays(3)));
        apply(new DisputeInvestigated(ID, 1, "调查结论", true));
        LetterView.Dispute d = view.disputes.get(0);
        assertThat(d.findings).isEqualTo("调查结论");
        assertThat(d.investigatedWithinDeadline).isTrue();
        apply(new DisputeResolved(ID, 1, "协商一致", true));
        assertThat(d.outcome).isEqualTo("协商一致");
        assertThat(d.escalated).isTrue();
        assertThat(view.openDisputes).isZero();
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
    }

    @Test
    void letterArchivedIsFinal() {
        received();
        approvedAndSent();
        Instant archivedAt = T0.plus(Duration.ofDays(2));
        Instant retainUntil = archivedAt.plus(Duration.ofDays(3 * 365));
        apply(new LetterArchived(ID, "ARC-2026-000001", archivedAt, retainUntil));
        assertThat(view.archive).isEqualTo(new LetterView.Archive("ARC-2026-000001", archivedAt, retainUntil));
        assertThat(view.status).isEqualTo(LetterStatus.ARCHIVED);
    }

    @Test
    void everyEventMovesTheVersionAndTheUpdateTime() {
        received();
        Instant at = T0.plus(Duration.ofDays(1));
        apply(new MarkedUrgent(ID, "安全隐患"), at, "clara");
        assertThat(view.version).isEqualTo(1);
        assertThat(view.updatedAt).isEqualTo(at);
        assertThat(view.createdAt).isEqualTo(T0);
    }

    // ---------------------------------------------------------------- petitions (信访), linked letters, routing

    private void petitionReceived() {
        apply(new LetterReceived(ID, "2026-000001", Channel.LETTER, T0, SENDER, "反映问题", "请求调查",
                Category.PETITION, List.of(), null), T0, "clerk");
        deadline(DeadlineKind.ACCEPTANCE, 0, T0.plus(Duration.ofDays(15)));
    }

    private void petitionAccepted() {
        petitionReceived();
        apply(new PetitionAcceptanceDecided(ID, AcceptanceDecision.ACCEPTED, "属于受理范围", "sam", T0.plus(Duration.ofDays(3))));
        deadline(DeadlineKind.REPLY, 0, T0.plus(Duration.ofDays(63)));
    }

    private void petitionReplied() {
        petitionAccepted();
        approvedAndSent();
    }

    @Test
    void aPetitionIsReadWithItsProcedureAndOtherLettersWithout() {
        received();
        assertThat(view.petition).isNull();
        LetterView other = new LetterView();
        other.apply(new LetterReceived(ID, "2026-000002", Channel.VISIT, T0, SENDER, "上访", "诉求", Category.PETITION,
                List.of(), null), new LetterView.EventContext(0, T0, "clerk"));
        assertThat(other.petition).isNotNull();
        assertThat(other.petition.reviewRequests).isEmpty();
    }

    @Test
    void petitionAcceptanceDecidedMeetsTheAcceptanceClock() {
        petitionReceived();
        Instant at = T0.plus(Duration.ofDays(3));
        apply(new PetitionAcceptanceDecided(ID, AcceptanceDecision.ACCEPTED, "属于受理范围", "sam", at));
        assertThat(view.petition.acceptance.decision).isEqualTo(AcceptanceDecision.ACCEPTED);
        assertThat(view.petition.acceptance.reason).isEqualTo("属于受理范围");
        assertThat(view.petition.acceptance.decidedBy).isEqualTo("sam");
        assertThat(view.petition.acceptance.decidedAt).isEqualTo(at);
        assertThat(view.deadlines.get(DeadlineKind.ACCEPTANCE).state).isEqualTo("MET");
        assertThat(view.deadlines.get(DeadlineKind.ACCEPTANCE).metAt).isEqualTo(at);
        assertThat(view.status).isEqualTo(LetterStatus.RECEIVED);
    }

    @Test
    void petitionNotAcceptedAndNotifiedIsClosedAndCompleted() {
        petitionReceived();
        Instant at = T0.plus(Duration.ofDays(2));
        apply(new PetitionAcceptanceDecided(ID, AcceptanceDecision.NOT_ACCEPTED, "已诉讼", "sam", at));
        Instant noticeAt = T0.plus(Duration.ofDays(2).plusMinutes(1));
        apply(new PetitionAcceptanceNoticeSent(ID, AcceptanceDecision.NOT_ACCEPTED, "已诉讼"), noticeAt, "sam");
        assertThat(view.petition.acceptance.noticeSentAt).isEqualTo(noticeAt);
        assertThat(view.notAccepted()).isTrue();
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
        assertThat(view.completedAt()).isEqualTo(at);
    }

    @Test
    void petitionReplyExtendedAndItsNoticeAreOneExtension() {
        petitionAccepted();
        Instant previousDue = T0.plus(Duration.ofDays(63));
        Instant newDue = T0.plus(Duration.ofDays(93));
        apply(new PetitionReplyExtended(ID, 30, "需调查", "sam", previousDue));
        deadline(DeadlineKind.REPLY, 0, newDue);
        Instant noticeAt = T0.plus(Duration.ofDays(10));
        apply(new PetitionExtensionNoticeSent(ID, 30, "需调查", newDue), noticeAt, "sam");
        LetterView.Extension x = view.petition.extension;
        assertThat(x.days).isEqualTo(30);
        assertThat(x.reason).isEqualTo("需调查");
        assertThat(x.approvedBy).isEqualTo("sam");
        assertThat(x.previousDue).isEqualTo(previousDue);
        assertThat(x.replyDue).isEqualTo(newDue);
        assertThat(x.noticeSentAt).isEqualTo(noticeAt);
        assertThat(view.deadlines.get(DeadlineKind.REPLY).due).isEqualTo(newDue);
    }

    @Test
    void petitionReviewRequestedReopensTheRepliedLetterUntilAnswered() {
        petitionReplied();
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
        Instant at = T0.plus(Duration.ofDays(20));
        apply(new PetitionReviewRequested(ID, 1, PetitionReviewKind.REVIEW, "不服", at));
        deadline(DeadlineKind.REVIEW, 1, at.plus(Duration.ofDays(30)));
        LetterView.PetitionReview r = view.petition.reviewRequests.get(0);
        assertThat(r.requestNo).isEqualTo(1);
        assertThat(r.kind).isEqualTo(PetitionReviewKind.REVIEW);
        assertThat(r.reason).isEqualTo("不服");
        assertThat(r.requestedAt).isEqualTo(at);
        assertThat(r.answerDue).isEqualTo(at.plus(Duration.ofDays(30)));
        assertThat(view.status).isEqualTo(LetterStatus.SENT);
    }

    @Test
    void petitionReviewAnsweredMeetsItsClockAndTheSecondReviewsAnswerMakesTheMatterFinal() {
        petitionReplied();
        Instant at = T0.plus(Duration.ofDays(20));
        apply(new PetitionReviewRequested(ID, 1, PetitionReviewKind.REVIEW, "不服", at));
        deadline(DeadlineKind.REVIEW, 1, at.plus(Duration.ofDays(30)));
        apply(new PetitionReviewAnswered(ID, 1, PetitionReviewKind.REVIEW, "维持", "sam", at.plus(Duration.ofDays(5)),
                false));
        assertThat(view.petition.reviewRequests.get(0).answer).isEqualTo("维持");
        assertThat(view.petition.reviewRequests.get(0).answeredBy).isEqualTo("sam");
        assertThat(view.deadlines.get(DeadlineKind.REVIEW).state).isEqualTo("MET");
        assertThat(view.petition.matterFinal).isFalse();
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
        apply(new PetitionReviewRequested(ID, 2, PetitionReviewKind.SECOND_REVIEW, "仍不服", at.plus(Duration.ofDays(6))));
        apply(new PetitionReviewAnswered(ID, 2, PetitionReviewKind.SECOND_REVIEW, "复核维持", "chief",
                at.plus(Duration.ofDays(9)), true));
        assertThat(view.petition.reviewRequests).hasSize(2);
        assertThat(view.petition.matterFinal).isTrue();
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
    }

    @Test
    void aMissedAcceptanceOrReviewClockMakesThePetitionOverdue() {
        petitionReceived();
        apply(new DeadlineMissed(ID, DeadlineKind.ACCEPTANCE, 0, T0.plus(Duration.ofDays(15))));
        assertThat(view.deadlines.get(DeadlineKind.ACCEPTANCE).state).isEqualTo("MISSED");
        assertThat(view.overdue).isTrue();
    }

    @Test
    void letterLinkedSaysWhetherTheRelatedMatterWasAlreadyFinal() {
        received();
        apply(new LetterLinked(ID, "0190a1b2-0000-7000-8000-000000000009", "2026-000009", true));
        assertThat(view.related).isEqualTo(new LetterView.Related("0190a1b2-0000-7000-8000-000000000009",
                "2026-000009", true));
    }

    @Test
    void letterRoutedNamesTheRuleThatChoseTheDepartment() {
        received();
        apply(new LetterRouted(ID, "work-contact", Department.ADMINISTRATION));
        apply(new LetterAssigned(ID, Department.ADMINISTRATION, null, null), T0.plus(Duration.ofMinutes(5)), "system");
        assertThat(view.routing).isEqualTo(new LetterView.Routing("work-contact", Department.ADMINISTRATION));
        assertThat(view.department).isEqualTo(Department.ADMINISTRATION);
        assertThat(view.status).isEqualTo(LetterStatus.ASSIGNED);
    }

    @Test
    void senderRepeatCountedGivesThePetitionsRepeatCount() {
        petitionReceived();
        assertThat(view.repeatCount).isNull();
        apply(new SenderRepeatCounted(ID, 2, "SENDER_MATCH"));
        assertThat(view.repeatCount).isEqualTo(2);
    }

    // ---------------------------------------------------------------- referrals (批办件)

    private void referred() {
        received();
        apply(new ReferralRecorded(ID, "县政府办公室督查科", "县委第12号批办件", java.time.LocalDate.parse("2026-10-20")));
    }

    private ReferralReported report(int no) {
        return new ReferralReported(ID, no, "反映的问题", "基本情况", "调查情况", "处理结果", "harry");
    }

    @Test
    void referralRecordedNamesTheOfficeAndKeepsARepliedLetterOpen() {
        referred();
        assertThat(view.referral.office).isEqualTo("县政府办公室督查科");
        assertThat(view.referral.referenceNo).isEqualTo("县委第12号批办件");
        assertThat(view.referral.dueDate).isEqualTo(java.time.LocalDate.parse("2026-10-20"));
        assertThat(view.referralOffice()).isEqualTo("县政府办公室督查科");
        approvedAndSent();
        assertThat(view.status).isEqualTo(LetterStatus.SENT);
    }

    @Test
    void referralReportedAddsAReport() {
        referred();
        Instant at = T0.plus(Duration.ofDays(1));
        apply(report(1), at, "harry");
        LetterView.ReferralReport r = view.referral.reports.get(0);
        assertThat(r.reportNo).isEqualTo(1);
        assertThat(r.problem).isEqualTo("反映的问题");
        assertThat(r.background).isEqualTo("基本情况");
        assertThat(r.investigation).isEqualTo("调查情况");
        assertThat(r.outcome).isEqualTo("处理结果");
        assertThat(r.reporter).isEqualTo("harry");
        assertThat(r.reportedAt).isEqualTo(at);
    }

    @Test
    void referralReportReviewedCompletesTheReportMeetsItsDeadlineAndClosesARepliedLetter() {
        referred();
        deadline(DeadlineKind.REFERRAL_REPORT, 0, T0.plus(Duration.ofDays(20)));
        approvedAndSent();
        apply(report(1));
        apply(new ReferralReportReviewed(ID, 1, ReviewLevel.FORMAT, ReviewDecision.APPROVED, "rita", "同意", false));
        assertThat(view.referral.doneAt).isNull();
        assertThat(view.status).isEqualTo(LetterStatus.SENT);
        Instant at = T0.plus(Duration.ofDays(2));
        apply(new ReferralReportReviewed(ID, 1, ReviewLevel.SUPERVISOR, ReviewDecision.APPROVED, "sam", "同意", true),
                at, "sam");
        assertThat(view.referral.reports.get(0).reviews).extracting(LetterView.Review::level)
                .containsExactly(ReviewLevel.FORMAT, ReviewLevel.SUPERVISOR);
        assertThat(view.referral.doneAt).isEqualTo(at);
        assertThat(view.deadlines.get(DeadlineKind.REFERRAL_REPORT).state).isEqualTo("MET");
        assertThat(view.status).isEqualTo(LetterStatus.CLOSED);
    }
}
