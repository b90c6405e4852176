package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.contentreview.ContentReviewCommands;
import org.letterdesk.command.intake.SerialClaim;
import org.letterdesk.command.reply.ReplyCommands;
import org.letterdesk.events.*;
import org.letterdesk.problem.ProblemCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.letterdesk.command.letter.LetterFixtures.*;

/** Registration (收件登记), urgency (紧急), assignment (分配部门), first contact, content flags and delays. */
class LetterIntakeTest {

    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ---------------------------------------------------------------- registration

    @Test
    void registrationRecordsTheLetterThenItsFirstResponseAndReplyDeadlines() {
        // Worked example: 24 working hours from Wed Sep 30 15:00 reach Oct 8 15:00 across 国庆, so + 72 working
        // hours grace: 9 h Oct 8, 24 h Oct 9, 24 h make-up Sat Oct 10, Sun off, 15 h Oct 12 → Oct 12 15:00.
        Instant firstResponseDue = at("2026-10-12T15:00+08:00");
        Instant replyDue = at("2026-10-14T15:00+08:00");
        fixture.givenNoPriorActivity()
                .when(register(), asClerk())
                .expectEvents(
                        new LetterReceived(LETTER_ID, SERIAL_NO, Channel.LETTER, RECEIVED_AT, SENDER, "账单疑问",
                                "退还多收的费用", Category.COMPLAINT, ATTACHMENTS, "来信附账单复印件", SENDER_ID, 0, null),
                        new DeadlineSet(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, RECEIVED_AT, firstResponseDue,
                                // 20 % of the 288 h window before the due time
                                at("2026-10-10T05:24+08:00"), "24 working hours + holiday grace", true, List.of()),
                        new DeadlineSet(LETTER_ID, DeadlineKind.REPLY, 0, RECEIVED_AT, replyDue,
                                // 20 % of the 336 h window before the due time
                                at("2026-10-11T19:48+08:00"), "72 working hours + holiday grace", true, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.RECEIVED,
                        "deadlines", Map.of("firstResponseDue", firstResponseDue, "replyDue", replyDue)))
                .expectResultMessagePayloadMatching(resultAtVersion(2));
    }

    @Test
    void registrationTakesTheNumberReservedForItInTheYearOfReceiptInTheOrganisationsZone() {
        // 07:30 on New Year's Day in Shanghai is 2026 there, still 2025 in UTC.
        Instant receivedAt = at("2026-01-01T07:30+08:00");
        fixture.givenNoPriorActivity()
                .when(register(Channel.LETTER, receivedAt, null)
                        .withSerialClaim(new SerialClaim(2026, 42, UUID.randomUUID())), asClerk())
                .expectEventsMatching(eventsIncluding("LetterReceived numbered 2026-000042",
                        payload -> payload instanceof LetterReceived received
                                && received.serialNo().equals("2026-000042")));
    }

    @Test
    void aNumberReservedForAnotherYearIsNotTaken() {
        Instant receivedAt = at("2026-01-01T07:30+08:00");
        fixture.givenNoPriorActivity()
                .when(register(Channel.LETTER, receivedAt, null)
                        .withSerialClaim(new SerialClaim(2025, 42, UUID.randomUUID())), asClerk())
                .expectEventsMatching(eventsIncluding("LetterReceived numbered by its own year, 2026-000001",
                        payload -> payload instanceof LetterReceived received
                                && received.serialNo().equals("2026-000001")));
    }

    @Test
    void workedExampleLetterReceivedBeforeNationalDayIsDueOnOctoberFourteenthWithHolidayGrace() {
        fixture.givenNoPriorActivity()
                .when(register(Channel.LETTER, at("2026-09-30T15:00+08:00"), null), asClerk())
                .expectEventsMatching(eventsIncluding("a REPLY deadline due 2026-10-14T15:00+08:00 with holiday grace",
                        payload -> payload instanceof DeadlineSet set
                                && set.kind() == DeadlineKind.REPLY
                                && set.due().equals(at("2026-10-14T15:00+08:00"))
                                && set.holidayGraceApplied()));
    }

    @Test
    void emailLetterGetsFortyEightWorkingHoursToReplyWithoutGraceInAnOrdinaryWeek() {
        // Mon 2026-09-14 10:00, no holiday before Wed: 48 working hours → Wed Sep 16 10:00; first response Tue.
        Instant receivedAt = at("2026-09-14T10:00+08:00");
        Instant replyDue = at("2026-09-16T10:00+08:00");
        Instant firstResponseDue = at("2026-09-15T10:00+08:00");
        fixture.givenNoPriorActivity()
                .when(register(Channel.EMAIL, receivedAt, null), asClerk())
                .expectEvents(
                        new LetterReceived(LETTER_ID, SERIAL_NO, Channel.EMAIL, receivedAt, SENDER, "账单疑问",
                                "退还多收的费用", Category.COMPLAINT, ATTACHMENTS, "来信附账单复印件", SENDER_ID, 0, null),
                        new DeadlineSet(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, receivedAt, firstResponseDue,
                                firstResponseDue.minus(Duration.ofMinutes(288)), "24 working hours", false, List.of()),
                        new DeadlineSet(LETTER_ID, DeadlineKind.REPLY, 0, receivedAt, replyDue,
                                replyDue.minus(Duration.ofMinutes(576)), "48 working hours", false, List.of()));
    }

    @Test
    void registrationWithUrgentReasonMarksUrgentBeforeSettingClockHourDeadlines() {
        fixture.givenNoPriorActivity()
                .when(register(Channel.LETTER, RECEIVED_AT, "  涉及燃气泄漏安全隐患 "), asClerk())
                .expectEvents(
                        new LetterReceived(LETTER_ID, SERIAL_NO, Channel.LETTER, RECEIVED_AT, SENDER, "账单疑问",
                                "退还多收的费用", Category.COMPLAINT, ATTACHMENTS, "来信附账单复印件", SENDER_ID, 0, null),
                        new MarkedUrgent(LETTER_ID, "涉及燃气泄漏安全隐患"),
                        new DeadlineSet(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, RECEIVED_AT,
                                at("2026-09-30T16:00+08:00"), at("2026-09-30T15:48+08:00"), "1 clock hours",
                                false, List.of()),
                        new DeadlineSet(LETTER_ID, DeadlineKind.REPLY, 0, RECEIVED_AT,
                                at("2026-10-01T15:00+08:00"), at("2026-10-01T10:12+08:00"), "24 clock hours",
                                false, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.RECEIVED, "deadlines",
                        Map.of("firstResponseDue", at("2026-09-30T16:00+08:00"),
                                "replyDue", at("2026-10-01T15:00+08:00"))));
    }

    @Test
    void blankUrgentReasonDoesNotMarkTheLetterUrgent() {
        fixture.givenNoPriorActivity()
                .when(register(Channel.LETTER, RECEIVED_AT, "   "), asClerk())
                .expectEventsMatching(eventTypes(LetterReceived.class, DeadlineSet.class, DeadlineSet.class));
    }

    @Test
    void registerNumberIsTakenFromTheYearOfReceiptInShanghaiNotInUtc() {
        // 2026-01-01 00:30 in Shanghai is still 2025 in UTC.
        Instant receivedAt = at("2026-01-01T00:30+08:00");
        fixture.givenNoPriorActivity()
                .when(register(Channel.LETTER, receivedAt, null), asClerk())
                .expectEventsMatching(eventsIncluding("a LetterReceived numbered 2026-000001",
                        payload -> payload instanceof LetterReceived received
                                && received.serialNo().equals("2026-000001")));
    }

    @Test
    void receivedAtExactlyFiveMinutesInTheFutureIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(register(Channel.LETTER, NOW.plus(Duration.ofMinutes(5)), null), asClerk())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(result(LetterStatus.RECEIVED));
    }

    @Test
    void receivedAtMoreThanFiveMinutesInTheFutureIsRefusedAsValidationFailure() {
        expectRefused(fixture.givenNoPriorActivity()
                        .when(register(Channel.LETTER, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1), null),
                                asClerk()),
                ProblemCode.VALIDATION_FAILED, "receivedAt");
    }

    @Test
    void receivedAtInThePastIsAcceptedAsALateRegistration() {
        fixture.givenNoPriorActivity()
                .when(register(Channel.PHONE, at("2026-09-01T09:00+08:00"), null), asClerk())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(result(LetterStatus.RECEIVED));
    }

    // ---------------------------------------------------------------- urgency

    @Test
    void markingUrgentReSetsBothOpenDeadlinesToClockHoursFromReceipt() {
        fixture.given(received().events())
                .when(markUrgent("重大投诉"), asSupervisor())
                .expectEvents(
                        new MarkedUrgent(LETTER_ID, "重大投诉"),
                        new DeadlineSet(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, RECEIVED_AT,
                                RECEIVED_AT.plus(Duration.ofHours(1)), at("2026-09-30T15:48+08:00"),
                                "1 clock hours", false, List.of()),
                        new DeadlineSet(LETTER_ID, DeadlineKind.REPLY, 0, RECEIVED_AT,
                                RECEIVED_AT.plus(Duration.ofHours(24)), at("2026-10-01T10:12+08:00"),
                                "24 clock hours", false, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.RECEIVED, "deadlines",
                        Map.of("firstResponseDue", RECEIVED_AT.plus(Duration.ofHours(1)),
                                "replyDue", RECEIVED_AT.plus(Duration.ofHours(24)))));
    }

    @Test
    void markingUrgentAfterFirstContactReSetsOnlyTheReplyDeadline() {
        fixture.given(received().firstContact().events())
                .when(markUrgent("重大投诉"), asSupervisor())
                .expectEvents(
                        new MarkedUrgent(LETTER_ID, "重大投诉"),
                        new DeadlineSet(LETTER_ID, DeadlineKind.REPLY, 0, RECEIVED_AT,
                                RECEIVED_AT.plus(Duration.ofHours(24)), at("2026-10-01T10:12+08:00"),
                                "24 clock hours", false, List.of()));
    }

    @Test
    void markingAnUrgentLetterUrgentAgainIsRefused() {
        expectRefused(fixture.given(received().urgent(true).events())
                        .when(markUrgent("再次标记"), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "already urgent");
    }

    @Test
    void markingUrgentAfterTheReplyWasSentIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(markUrgent("重大投诉"), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "already replied");
    }

    // ---------------------------------------------------------------- assignment

    @Test
    void assigningARegisteredLetterRecordsTheDepartmentAndSetsStatusAssigned() {
        fixture.given(received().events())
                .when(assign(Department.CUSTOMER_SERVICE, HANDLER), asClerk())
                .expectEvents(new LetterAssigned(LETTER_ID, Department.CUSTOMER_SERVICE, HANDLER, null))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED));
    }

    @Test
    void assigningAgainForwardsTheLetterAndNamesThePreviousDepartment() {
        fixture.given(assigned().events())
                .when(assign(Department.BUSINESS, "  "), asSupervisor())
                .expectEvents(new LetterAssigned(LETTER_ID, Department.BUSINESS, null, Department.CUSTOMER_SERVICE))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED));
    }

    @Test
    void assigningToTheSameDepartmentAndAssigneeAgainIsRefused() {
        expectRefused(fixture.given(assigned().events())
                        .when(assign(Department.CUSTOMER_SERVICE, HANDLER), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "already assigned");
    }

    @Test
    void forwardingAfterTheReplyWasSentIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(assign(Department.BUSINESS, HANDLER_2), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "can no longer be forwarded");
    }

    // ---------------------------------------------------------------- first contact

    @Test
    void firstContactIsRecordedAtTheCurrentTime() {
        fixture.given(received().events())
                .when(firstContact(), asClerk())
                .expectEvents(new FirstContactMade(LETTER_ID, "PHONE", "已电话告知正在核实", NOW))
                .expectResultMessagePayloadMatching(result(LetterStatus.RECEIVED));
    }

    @Test
    void recordingTheFirstContactTwiceIsRefused() {
        expectRefused(fixture.given(received().firstContact().events())
                        .when(firstContact(), asClerk()),
                ProblemCode.INVALID_TRANSITION, "already recorded");
    }

    // ---------------------------------------------------------------- content flags, legal, identity

    @Test
    void flagsLeftOutOfTheCommandKeepTheirCurrentValues() {
        fixture.given(assigned().flagged(true, false, false, true).events())
                .when(flag(null, true, null, null), asHandler())
                .expectEvents(new ContentFlagged(LETTER_ID, true, true, false, true, "内容审核"));
    }

    @Test
    void flaggingAfterTheReplyWasSentIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(flag(false, false, true, false), asHandler()),
                ProblemCode.INVALID_TRANSITION, "flags are final");
    }

    @Test
    void legalApprovalIsGrantedForALetterFlaggedWithPersonalData() {
        fixture.given(assigned().flagged(true, false, false, false).events())
                .when(new ContentReviewCommands.GrantLegalApproval(LETTER_ID, null, "可以答复"), asLegal())
                .expectEvents(new LegalApprovalGranted(LETTER_ID, LEGAL, "可以答复"));
    }

    @Test
    void legalApprovalOfALetterWithoutPersonalDataIsRefused() {
        expectRefused(fixture.given(assigned().events())
                        .when(new ContentReviewCommands.GrantLegalApproval(LETTER_ID, null, "可以答复"), asLegal()),
                ProblemCode.INVALID_TRANSITION, "not flagged as involving personal data");
    }

    @Test
    void identityIsVerifiedByPhoneForALetterFlaggedWithFinancialInformation() {
        fixture.given(assigned().flagged(false, true, false, false).events())
                .when(new ContentReviewCommands.VerifyIdentity(LETTER_ID, null, "PHONE", "已核实"), asClerk())
                .expectEvents(new IdentityVerified(LETTER_ID, "PHONE", CLERK, "已核实"));
    }

    @Test
    void identityVerificationOtherThanByPhoneIsRefusedAsValidationFailure() {
        expectRefused(fixture.given(assigned().flagged(false, true, false, false).events())
                        .when(new ContentReviewCommands.VerifyIdentity(LETTER_ID, null, "EMAIL", "已核实"), asClerk()),
                ProblemCode.VALIDATION_FAILED, "PHONE");
    }

    @Test
    void identityVerificationOfALetterWithoutFinancialInformationIsRefused() {
        expectRefused(fixture.given(assigned().events())
                        .when(new ContentReviewCommands.VerifyIdentity(LETTER_ID, null, "PHONE", "已核实"), asClerk()),
                ProblemCode.INVALID_TRANSITION, "not flagged as involving financial information");
    }

    // ---------------------------------------------------------------- delays

    @Test
    void delayMoreThanFortyEightHoursAheadIsReportedAndNoticedAndMustBeReported() {
        Instant expected = NOW.plus(Duration.ofHours(49));
        fixture.given(assigned().events())
                .when(new ReplyCommands.ReportDelay(LETTER_ID, null, "需业务部门核实", expected), asHandler())
                .expectEvents(new DelayReported(LETTER_ID, "需业务部门核实", expected, HANDLER),
                        new DelayNoticeSent(LETTER_ID, "需业务部门核实", expected))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED, "reportRequired", true));
    }

    @Test
    void delayWithinFortyEightHoursIsRecordedButNeedsNoReport() {
        Instant expected = NOW.plus(Duration.ofHours(47));
        fixture.given(assigned().events())
                .when(new ReplyCommands.ReportDelay(LETTER_ID, null, "需业务部门核实", expected), asHandler())
                .expectEvents(new DelayReported(LETTER_ID, "需业务部门核实", expected, HANDLER),
                        new DelayNoticeSent(LETTER_ID, "需业务部门核实", expected))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED, "reportRequired", false));
    }

    @Test
    void delayWithExpectedCompletionInThePastIsRefusedAsValidationFailure() {
        expectRefused(fixture.given(assigned().events())
                        .when(new ReplyCommands.ReportDelay(LETTER_ID, null, "需业务部门核实",
                                NOW.minusSeconds(60)), asHandler()),
                ProblemCode.VALIDATION_FAILED, "expectedCompletion");
    }

    @Test
    void delayReportAfterTheReplyWasSentIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(new ReplyCommands.ReportDelay(LETTER_ID, null, "需业务部门核实",
                                NOW.plus(Duration.ofHours(49))), asHandler()),
                ProblemCode.INVALID_TRANSITION, "already replied");
    }
}
