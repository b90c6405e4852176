package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.commitment.CommitmentCommands.FulfilCommitment;
import org.letterdesk.command.deadline.DeadlineDue;
import org.letterdesk.events.*;
import org.letterdesk.problem.ProblemCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.letterdesk.command.letter.LetterFixtures.*;

/**
 * Reply commitments (答复承诺事项): listed in a draft (due at most 3 months ahead), opened with a deadline when the
 * reply goes out, fulfilled with evidence; a letter with one open is not closed and cannot be archived.
 */
class LetterCommitmentTest {

    /** Today is 2026-09-30 (the fixture's clock); three months ahead is 2026-12-30. */
    private static final Commitment REFUND = new Commitment(1, "退还多收的十二元", Department.BUSINESS,
            LocalDate.parse("2026-10-31"));
    private static final Commitment METER = new Commitment(2, "更换燃气表", Department.CUSTOMER_SERVICE,
            LocalDate.parse("2026-12-30"));
    /** Due at the end of 31 October in Shanghai. */
    private static final Instant REFUND_DUE = at("2026-11-01T00:00+08:00");

    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static LetterFixtures.History approvedWithCommitments() {
        return assigned().drafted(HANDLER, CLEAN_CONTENT, List.of(REFUND, METER))
                .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR);
    }

    private static LetterFixtures.History sentWithCommitments() {
        return approvedWithCommitments().sent(ReplyChannel.PHONE, null, null)
                .event(new CommitmentOpened(LETTER_ID, 1, REFUND.what(), REFUND.department(), REFUND.dueDate(), NOW))
                .event(PLANNER.commitment(LETTER_ID, 1, NOW, REFUND.dueDate(), ZONE))
                .event(new CommitmentOpened(LETTER_ID, 2, METER.what(), METER.department(), METER.dueDate(), NOW))
                .event(PLANNER.commitment(LETTER_ID, 2, NOW, METER.dueDate(), ZONE));
    }

    private static FulfilCommitment fulfil(int n) {
        return new FulfilCommitment(LETTER_ID, null, n, "银行回单 No. 8812");
    }

    // ---------------------------------------------------------------- listed in a draft

    @Test
    void aDraftRecordsItsCommitmentsDueUpToThreeMonthsAhead() {
        fixture.given(assigned().events())
                .when(draft(CLEAN_CONTENT, List.of(REFUND, METER)), asHandler())
                .expectEvents(new ReplyDrafted(LETTER_ID, 1, HANDLER, CLEAN_CONTENT, List.of(),
                        List.of(REFUND, METER)));
    }

    @Test
    void aCommitmentDueMoreThanThreeMonthsAheadIsRefused() {
        Commitment late = new Commitment(1, "更换燃气表", Department.BUSINESS, LocalDate.parse("2026-12-31"));
        expectRefused(fixture.given(assigned().events()).when(draft(CLEAN_CONTENT, List.of(late)), asHandler()),
                ProblemCode.VALIDATION_FAILED, "invalid fields");
    }

    @Test
    void aCommitmentDueTodayOrInThePastIsRefused() {
        Commitment today = new Commitment(1, "回电", Department.BUSINESS, LocalDate.parse("2026-09-30"));
        Commitment past = new Commitment(2, "回电", Department.BUSINESS, LocalDate.parse("2026-09-01"));
        expectRefused(fixture.given(assigned().events()).when(draft(CLEAN_CONTENT, List.of(today)), asHandler()),
                ProblemCode.VALIDATION_FAILED, "invalid fields");
        fixture = newFixture();
        expectRefused(fixture.given(assigned().events()).when(draft(CLEAN_CONTENT, List.of(past)), asHandler()),
                ProblemCode.VALIDATION_FAILED, "invalid fields");
    }

    // ---------------------------------------------------------------- opened by the reply

    @Test
    void sendingTheReplyOpensEachCommitmentWithItsDeadlineAndKeepsTheLetterOpen() {
        fixture.given(approvedWithCommitments().events())
                .when(sendByPhone(), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.PHONE, null, null, NOW),
                        new CommitmentOpened(LETTER_ID, 1, REFUND.what(), Department.BUSINESS, REFUND.dueDate(), NOW),
                        PLANNER.commitment(LETTER_ID, 1, NOW, REFUND.dueDate(), ZONE),
                        new CommitmentOpened(LETTER_ID, 2, METER.what(), Department.CUSTOMER_SERVICE,
                                METER.dueDate(), NOW),
                        PLANNER.commitment(LETTER_ID, 2, NOW, METER.dueDate(), ZONE))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT))
                .expectScheduledDeadlineWithName(PLANNER.commitment(LETTER_ID, 1, NOW, REFUND.dueDate(), ZONE)
                        .approachingAt(), DeadlineDue.scheduleName(DeadlineKind.COMMITMENT, 1));
    }

    @Test
    void theCommitmentDeadlineIsTheEndOfItsDueDateInTheLettersZone() {
        DeadlineSet set = PLANNER.commitment(LETTER_ID, 1, NOW, REFUND.dueDate(), ZONE);
        org.junit.jupiter.api.Assertions.assertEquals(REFUND_DUE, set.due());
        org.junit.jupiter.api.Assertions.assertEquals(DeadlineKind.COMMITMENT, set.kind());
        org.junit.jupiter.api.Assertions.assertTrue(set.approachingAt().isBefore(REFUND_DUE));
    }

    @Test
    void sendingADraftWhoseCommitmentIsAlreadyDueIsRefused() {
        // Drafted on 2026-09-20 for 2026-09-25 (valid then), sent on 2026-09-30.
        Commitment stale = new Commitment(1, "回电", Department.BUSINESS, LocalDate.parse("2026-09-25"));
        expectRefused(fixture.given(assigned().drafted(HANDLER, CLEAN_CONTENT, List.of(stale))
                                .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR)
                                .events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "was due 2026-09-25");
    }

    // ---------------------------------------------------------------- fulfilment

    @Test
    void fulfillingTheLastOpenCommitmentClosesTheLetter() {
        fixture.given(sentWithCommitments()
                        .event(new CommitmentFulfilled(LETTER_ID, 2, "已更换", SUPERVISOR, NOW)).events())
                .when(fulfil(1), asHandler())
                .expectEvents(new CommitmentFulfilled(LETTER_ID, 1, "银行回单 No. 8812", HANDLER, NOW))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED, "n", 1, "onTime", true,
                        "openCommitments", 0));
    }

    @Test
    void fulfillingOneOfTwoLeavesTheLetterSent() {
        fixture.given(sentWithCommitments().events())
                .when(fulfil(1), asSupervisor())
                .expectEvents(new CommitmentFulfilled(LETTER_ID, 1, "银行回单 No. 8812", SUPERVISOR, NOW))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT, "openCommitments", 1));
    }

    @Test
    void fulfillingAFulfilledCommitmentIsAConflict() {
        expectRefused(fixture.given(sentWithCommitments()
                                .event(new CommitmentFulfilled(LETTER_ID, 1, "已退款", HANDLER, NOW)).events())
                        .when(fulfil(1), asHandler()),
                ProblemCode.INVALID_TRANSITION, "already fulfilled");
    }

    @Test
    void fulfillingAnUnknownCommitmentIsNotFound() {
        expectRefused(fixture.given(sentWithCommitments().events()).when(fulfil(3), asHandler()),
                ProblemCode.NOT_FOUND, "has no commitment 3");
    }

    @Test
    void aCommitmentOfADraftNotYetSentCannotBeFulfilled() {
        expectRefused(fixture.given(approvedWithCommitments().events()).when(fulfil(1), asHandler()),
                ProblemCode.NOT_FOUND, "has no commitment 1");
    }

    @Test
    void aLetterWithAnOpenCommitmentCannotBeArchived() {
        expectRefused(fixture.given(sentWithCommitments()
                                .event(new CommitmentFulfilled(LETTER_ID, 2, "已更换", SUPERVISOR, NOW)).events())
                        .when(archive(null), asArchivist()),
                ProblemCode.INVALID_TRANSITION, "1 commitment(s) of the reply are not fulfilled");
    }

    // ---------------------------------------------------------------- missed

    @Test
    void aCommitmentNotFulfilledByItsDueDateIsMissed() {
        fixture.givenCommands(
                        issued(register(), asClerk()),
                        issued(assign(Department.CUSTOMER_SERVICE, HANDLER), asClerk()),
                        issued(draft(CLEAN_CONTENT, List.of(REFUND)), asHandler()),
                        issued(approve(ReviewLevel.FORMAT), asReviewer()),
                        issued(approve(ReviewLevel.SUPERVISOR), asSupervisor()),
                        issued(sendByPhone(), asHandler()))
                .whenTimeAdvancesTo(at("2026-11-02T00:00+08:00"))
                .expectEvents(new DeadlineApproaching(LETTER_ID, DeadlineKind.COMMITMENT, 1, REFUND_DUE),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.COMMITMENT, 1, REFUND_DUE),
                        new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DEADLINE_MISSED,
                                DeadlineKind.COMMITMENT, 1, Department.CUSTOMER_SERVICE, 1, NOW,
                                PLANNER.workingHoursAfter(NOW, 48)),
                        new SupervisionReminded(LETTER_ID, 1, 2, PLANNER.workingHoursAfter(NOW, 48), null));
    }

    @Test
    void aCommitmentFulfilledAfterItWasMissedIsFulfilledLate() {
        fixture.given(sentWithCommitments()
                        .event(new DeadlineMissed(LETTER_ID, DeadlineKind.COMMITMENT, 1, REFUND_DUE)).events())
                .when(fulfil(1), asHandler())
                .expectEvents(new CommitmentFulfilled(LETTER_ID, 1, "银行回单 No. 8812", HANDLER, NOW))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT, "onTime", false));
    }
}
