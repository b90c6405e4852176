package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.intake.IntakeCommands.Referral;
import org.letterdesk.command.intake.IntakeCommands.RegisterLetter;
import org.letterdesk.command.referral.ReferralCommands.ReviewReferralReport;
import org.letterdesk.command.referral.ReferralCommands.SubmitReferralReport;
import org.letterdesk.events.*;
import org.letterdesk.problem.ProblemCode;

import java.time.LocalDate;
import java.util.List;

import static org.letterdesk.command.letter.LetterFixtures.*;

/**
 * A letter referred by a superior office (县委第12号批办件): its report back has its own deadline, is reviewed like a
 * reply, and the letter closes only when the reply and the report are both done.
 */
class LetterReferralTest {

    private static final LocalDate DUE_DATE = LocalDate.parse("2026-10-20");

    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static RegisterLetter referred(LocalDate dueDate) {
        return new RegisterLetter(LETTER_ID, Channel.LETTER, RECEIVED_AT, SENDER, "反映侯东风问题",
                "反映学管会总校长贪污受贿", Category.COMPLAINT, List.of(), null, null, null, null,
                new Referral("县政府办公室督查科", "县委第12号批办件", dueDate));
    }

    private static LetterFixtures.History referredEvents() {
        return LetterFixtures.received()
                .event(new ReferralRecorded(LETTER_ID, "县政府办公室督查科", "县委第12号批办件", DUE_DATE))
                .event(PLANNER.until(LETTER_ID, DeadlineKind.REFERRAL_REPORT, 0, RECEIVED_AT,
                        at("2026-10-20T23:59+08:00"), "the referring office's due date 2026-10-20"));
    }

    private static SubmitReferralReport report() {
        return new SubmitReferralReport(LETTER_ID, null, "关于郑保屯镇学管会总校长侯东风贪污受贿的一些问题。",
                "侯东风，男，汉族，1963年9月生。", "经查实，截留学生经费263525.28元。", "免去侯东风总校长职务。");
    }

    private static ReferralReported reported(int no, String reporter) {
        return new ReferralReported(LETTER_ID, no, "关于郑保屯镇学管会总校长侯东风贪污受贿的一些问题。",
                "侯东风，男，汉族，1963年9月生。", "经查实，截留学生经费263525.28元。", "免去侯东风总校长职务。", reporter);
    }

    private static ReviewReferralReport reviewReport(ReviewLevel level, ReviewDecision decision) {
        return new ReviewReferralReport(LETTER_ID, null, level, decision, "同意");
    }

    @Test
    void registrationRecordsTheReferralAndTheReportDueAtTheEndOfTheOfficesDueDate() {
        fixture.givenNoPriorActivity()
                .when(referred(DUE_DATE), asClerk())
                .expectEventsMatching(eventsIncluding("the referral and its report's deadline",
                        e -> e instanceof ReferralRecorded r && r.office().equals("县政府办公室督查科")
                                && r.referenceNo().equals("县委第12号批办件") && DUE_DATE.equals(r.dueDate())))
                .expectEventsMatching(eventsIncluding("REFERRAL_REPORT due 2026-10-20 23:59",
                        e -> e instanceof DeadlineSet d && d.kind() == DeadlineKind.REFERRAL_REPORT
                                && d.due().equals(at("2026-10-20T23:59+08:00"))));
    }

    @Test
    void withoutADueDateTheReportIsDueWithTheReply() {
        fixture.givenNoPriorActivity()
                .when(referred(null), asClerk())
                .expectEventsMatching(eventsIncluding("REFERRAL_REPORT due with the reply (2026-10-14 15:00)",
                        e -> e instanceof DeadlineSet d && d.kind() == DeadlineKind.REFERRAL_REPORT
                                && d.due().equals(at("2026-10-14T15:00+08:00"))));
    }

    @Test
    void aReportIsWrittenByItsReporter() {
        fixture.given(referredEvents().assigned().events())
                .when(report(), asHandler())
                .expectEvents(reported(1, HANDLER))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED, "reportNo", 1, "reportDone", false));
    }

    @Test
    void aLetterNotReferredTakesNoReport() {
        expectRefused(fixture.given(LetterFixtures.assigned().events()).when(report(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "not referred");
    }

    @Test
    void theReporterMayNotReviewTheReport() {
        expectRefused(fixture.given(referredEvents().event(reported(1, REVIEWER)).events())
                        .when(reviewReport(ReviewLevel.FORMAT, ReviewDecision.APPROVED), asReviewer()),
                ProblemCode.FOUR_EYES, "may not review");
    }

    @Test
    void theReportIsReviewedInTheRepliesOrder() {
        expectRefused(fixture.given(referredEvents().event(reported(1, HANDLER)).events())
                        .when(reviewReport(ReviewLevel.SUPERVISOR, ReviewDecision.APPROVED), asSupervisor()),
                ProblemCode.REVIEW_ORDER, "needs the FORMAT review next");
    }

    @Test
    void theLastApprovalCompletesTheReportAndMeetsItsDeadline() {
        fixture.given(referredEvents().assigned().event(reported(1, HANDLER))
                        .event(new ReferralReportReviewed(LETTER_ID, 1, ReviewLevel.FORMAT, ReviewDecision.APPROVED,
                                REVIEWER, "同意", false)).events())
                .when(reviewReport(ReviewLevel.SUPERVISOR, ReviewDecision.APPROVED), asSupervisor())
                .expectEvents(new ReferralReportReviewed(LETTER_ID, 1, ReviewLevel.SUPERVISOR,
                        ReviewDecision.APPROVED, SUPERVISOR, "同意", true))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED, "reportDone", true));
    }

    @Test
    void aRejectedReportNeedsANewOne() {
        expectRefused(fixture.given(referredEvents().event(reported(1, HANDLER))
                        .event(new ReferralReportReviewed(LETTER_ID, 1, ReviewLevel.FORMAT, ReviewDecision.REJECTED,
                                REVIEWER, "请补充", false)).events())
                        .when(reviewReport(ReviewLevel.FORMAT, ReviewDecision.APPROVED), asReviewer()),
                ProblemCode.INVALID_TRANSITION, "no referral report awaiting review");
    }

    @Test
    void aRepliedLetterStaysOpenUntilItsReportIsDone() {
        fixture.given(LetterFixtures.received()
                        .event(new ReferralRecorded(LETTER_ID, "县政府办公室督查科", "县委第12号批办件", null))
                        .assigned().drafted(HANDLER, CLEAN_CONTENT).approved(ReviewLevel.FORMAT, REVIEWER)
                        .approved(ReviewLevel.SUPERVISOR, SUPERVISOR).events())
                .when(sendByPhone(), asHandler())
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT));
    }

    @Test
    void theReportsLastApprovalClosesARepliedLetter() {
        fixture.given(LetterFixtures.received()
                        .event(new ReferralRecorded(LETTER_ID, "县政府办公室督查科", "县委第12号批办件", null))
                        .assigned().drafted(HANDLER, CLEAN_CONTENT).approved(ReviewLevel.FORMAT, REVIEWER)
                        .approved(ReviewLevel.SUPERVISOR, SUPERVISOR).sent(ReplyChannel.PHONE, null, null)
                        .event(reported(1, HANDLER))
                        .event(new ReferralReportReviewed(LETTER_ID, 1, ReviewLevel.FORMAT, ReviewDecision.APPROVED,
                                REVIEWER, "同意", false)).events())
                .when(reviewReport(ReviewLevel.SUPERVISOR, ReviewDecision.APPROVED), asSupervisor())
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED, "reportDone", true));
    }

    @Test
    void anUnwrittenReportIsWarnedThenMissed() {
        java.time.Instant due = at("2026-10-20T23:59+08:00");
        fixture.givenCommands(List.of(issued(referred(DUE_DATE), asClerk())))
                .whenTimeAdvancesTo(due.plus(java.time.Duration.ofMinutes(1)))
                .expectEventsMatching(eventsIncluding("REFERRAL_REPORT missed",
                        e -> e instanceof DeadlineMissed m && m.kind() == DeadlineKind.REFERRAL_REPORT
                                && m.due().equals(due)));
    }
}
