package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.archive.RetentionPolicy;
import org.letterdesk.command.deadline.DeadlineDue;
import org.letterdesk.command.intake.IntakeCommands.RegisterLetter;
import org.letterdesk.command.petition.PetitionClocks;
import org.letterdesk.command.petition.PetitionCommands.AnswerReview;
import org.letterdesk.command.petition.PetitionCommands.DecideAcceptance;
import org.letterdesk.command.petition.PetitionCommands.DescribeMatter;
import org.letterdesk.command.petition.PetitionCommands.ExtendReply;
import org.letterdesk.command.petition.PetitionCommands.MatterState;
import org.letterdesk.command.petition.PetitionCommands.RequestReview;
import org.letterdesk.events.*;
import org.letterdesk.problem.ProblemCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.letterdesk.command.letter.LetterFixtures.*;

/**
 * A petition (信访) on the calendar-day clocks of the 信访工作条例, with the worked example: a petition received
 * 2026-09-28 10:00 is due for acceptance on 2026-10-13 10:00; accepted on 2026-10-09 09:00 its reply is due on
 * 2026-12-08 09:00, extended by 30 days on 2027-01-07 09:00; replied on 2026-11-20 10:00, a review may be requested
 * until 2026-12-20 10:00 (day 30) and not on day 31.
 */
class LetterPetitionTest {

    private static final Instant RECEIVED = at("2026-09-28T10:00+08:00");
    private static final Instant ACCEPTANCE_DUE = at("2026-10-13T10:00+08:00");
    private static final Instant ACCEPTED_AT = at("2026-10-09T09:00+08:00");
    private static final Instant REPLY_DUE = at("2026-12-08T09:00+08:00");
    private static final Instant EXTENDED_REPLY_DUE = at("2027-01-07T09:00+08:00");
    private static final Instant REPLIED_AT = at("2026-11-20T10:00+08:00");
    private static final Instant REVIEW_WINDOW_END = at("2026-12-20T10:00+08:00");

    private final MovableClock clock = new MovableClock(NOW);
    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture(new RetentionPolicy(3), clock);
    }

    private static RegisterLetter registerPetition() {
        return new RegisterLetter(LETTER_ID, Channel.LETTER, RECEIVED, SENDER, "反映学管会经费问题",
                "请求调查截留学生经费", Category.PETITION, List.of(), "县委第12号批办件", null);
    }

    /** The events of the petition as received, with its acceptance clock. */
    private static List<Object> received() {
        List<Object> events = new ArrayList<>();
        events.add(new LetterReceived(LETTER_ID, SERIAL_NO, Channel.LETTER, RECEIVED, SENDER, "反映学管会经费问题",
                "请求调查截留学生经费", Category.PETITION, List.of(), "县委第12号批办件"));
        events.add(PLANNER.calendarDays(LETTER_ID, DeadlineKind.ACCEPTANCE, 0, RECEIVED,
                PetitionClocks.ACCEPTANCE_DAYS, 0));
        return events;
    }

    private static List<Object> accepted() {
        List<Object> events = received();
        events.add(new LetterAssigned(LETTER_ID, Department.ADMINISTRATION, HANDLER, null));
        events.add(new PetitionAcceptanceDecided(LETTER_ID, AcceptanceDecision.ACCEPTED, "属于受理范围", SUPERVISOR,
                ACCEPTED_AT));
        events.add(new PetitionAcceptanceNoticeSent(LETTER_ID, AcceptanceDecision.ACCEPTED, "属于受理范围"));
        events.add(PLANNER.calendarDays(LETTER_ID, DeadlineKind.REPLY, 0, ACCEPTED_AT, PetitionClocks.REPLY_DAYS, 0));
        return events;
    }

    /** Accepted, drafted, approved and replied to at {@link #REPLIED_AT}. */
    private static List<Object> replied() {
        List<Object> events = accepted();
        events.add(new ReplyDrafted(LETTER_ID, 1, HANDLER, CLEAN_CONTENT, List.of()));
        events.add(new ReviewApproved(LETTER_ID, 1, ReviewLevel.FORMAT, REVIEWER, "同意"));
        events.add(new ReviewApproved(LETTER_ID, 1, ReviewLevel.SUPERVISOR, SUPERVISOR, "同意"));
        events.add(new ReplySent(LETTER_ID, 1, ReplyChannel.REGISTERED_MAIL, null, "XA123", REPLIED_AT));
        return events;
    }

    private static List<Object> reviewRequested(Instant at) {
        List<Object> events = replied();
        events.add(new PetitionReviewRequested(LETTER_ID, 1, PetitionReviewKind.REVIEW, "对答复不服", at));
        events.add(PLANNER.calendarDays(LETTER_ID, DeadlineKind.REVIEW, 1, at, PetitionClocks.REVIEW_ANSWER_DAYS, 0));
        return events;
    }

    private static List<Object> final_() {
        Instant reviewAt = at("2026-12-01T10:00+08:00");
        Instant answeredAt = at("2026-12-10T10:00+08:00");
        Instant secondAt = at("2026-12-15T10:00+08:00");
        List<Object> events = reviewRequested(reviewAt);
        events.add(new PetitionReviewAnswered(LETTER_ID, 1, PetitionReviewKind.REVIEW, "维持原答复", SUPERVISOR,
                answeredAt, false));
        events.add(new PetitionReviewRequested(LETTER_ID, 2, PetitionReviewKind.SECOND_REVIEW, "仍不服", secondAt));
        events.add(PLANNER.calendarDays(LETTER_ID, DeadlineKind.REVIEW, 2, secondAt,
                PetitionClocks.REVIEW_ANSWER_DAYS, 0));
        events.add(new PetitionReviewAnswered(LETTER_ID, 2, PetitionReviewKind.SECOND_REVIEW, "复核维持", SUPERVISOR,
                at("2026-12-20T10:00+08:00"), true));
        return events;
    }

    // ---------------------------------------------------------------- acceptance

    @Test
    void registrationOfAPetitionSetsItsAcceptanceDue15CalendarDaysLaterInsteadOfTheWorkingHourClocks() {
        fixture.givenNoPriorActivity()
                .when(registerPetition(), asClerk())
                .expectEventsMatching(eventTypesAndPayloads())
                .expectResultMessagePayloadMatching(result(LetterStatus.RECEIVED, "deadlines",
                        java.util.Map.of("acceptanceDue", ACCEPTANCE_DUE)))
                .expectScheduledDeadlineOfType(at("2026-10-10T10:00+08:00"), DeadlineDue.class);
    }

    private static org.hamcrest.Matcher<List<org.axonframework.eventhandling.EventMessage<?>>> eventTypesAndPayloads() {
        return eventsIncluding("the ACCEPTANCE deadline due 2026-10-13 10:00, basis 15 calendar days",
                e -> e instanceof DeadlineSet d && d.kind() == DeadlineKind.ACCEPTANCE && d.due().equals(ACCEPTANCE_DUE)
                        && d.basis().equals("15 calendar days"));
    }

    @Test
    void registrationOfAPetitionSetsNoReplyOrFirstResponseClock() {
        fixture.givenNoPriorActivity()
                .when(registerPetition(), asClerk())
                .expectEventsMatching(eventTypes(LetterReceived.class, SenderRepeatCounted.class, DeadlineSet.class));
    }

    @Test
    void acceptanceOn20261009SetsTheReplyDue60CalendarDaysLater() {
        clock.set(ACCEPTED_AT);
        fixture.given(received())
                .andGiven(new LetterAssigned(LETTER_ID, Department.ADMINISTRATION, HANDLER, null))
                .when(new DecideAcceptance(LETTER_ID, null, AcceptanceDecision.ACCEPTED, "属于受理范围"),
                        asSupervisor())
                .expectEvents(
                        new PetitionAcceptanceDecided(LETTER_ID, AcceptanceDecision.ACCEPTED, "属于受理范围", SUPERVISOR,
                                ACCEPTED_AT),
                        new PetitionAcceptanceNoticeSent(LETTER_ID, AcceptanceDecision.ACCEPTED, "属于受理范围"),
                        new DeadlineSet(LETTER_ID, DeadlineKind.REPLY, 0, ACCEPTED_AT, REPLY_DUE,
                                REPLY_DUE.minus(Duration.ofHours(288)), "60 calendar days", false, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED, "replyDue",
                        REPLY_DUE));
    }

    @Test
    void notAcceptedIsNotifiedWithItsReasonAndClosesTheLetter() {
        clock.set(ACCEPTED_AT);
        fixture.given(received())
                .when(new DecideAcceptance(LETTER_ID, null, AcceptanceDecision.NOT_ACCEPTED, "已通过诉讼途径解决"),
                        asSupervisor())
                .expectEvents(
                        new PetitionAcceptanceDecided(LETTER_ID, AcceptanceDecision.NOT_ACCEPTED, "已通过诉讼途径解决",
                                SUPERVISOR, ACCEPTED_AT),
                        new PetitionAcceptanceNoticeSent(LETTER_ID, AcceptanceDecision.NOT_ACCEPTED, "已通过诉讼途径解决"))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED));
    }

    @Test
    void notAcceptedWithoutAReasonIsRefused() {
        expectRefused(fixture.given(received())
                .when(new DecideAcceptance(LETTER_ID, null, AcceptanceDecision.NOT_ACCEPTED, " "), asSupervisor()),
                ProblemCode.VALIDATION_FAILED, "reason");
    }

    @Test
    void acceptanceOfANonPetitionIsRefused() {
        expectRefused(fixture.given(LetterFixtures.received().events())
                .when(new DecideAcceptance(LETTER_ID, null, AcceptanceDecision.ACCEPTED, null), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "not a petition");
    }

    @Test
    void asecondAcceptanceDecisionIsRefused() {
        expectRefused(fixture.given(accepted())
                .when(new DecideAcceptance(LETTER_ID, null, AcceptanceDecision.NOT_ACCEPTED, "x"), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "already decided");
    }

    @Test
    void aPetitionIsNotRepliedToBeforeItsAcceptance() {
        List<Object> events = received();
        events.add(new LetterAssigned(LETTER_ID, Department.ADMINISTRATION, HANDLER, null));
        events.add(new ReplyDrafted(LETTER_ID, 1, HANDLER, CLEAN_CONTENT, List.of()));
        events.add(new ReviewApproved(LETTER_ID, 1, ReviewLevel.FORMAT, REVIEWER, "同意"));
        events.add(new ReviewApproved(LETTER_ID, 1, ReviewLevel.SUPERVISOR, SUPERVISOR, "同意"));
        expectRefused(fixture.given(events).when(sendByPhone(), asHandler()), ProblemCode.INVALID_TRANSITION,
                "acceptance is not yet decided");
    }

    @Test
    void theAcceptanceClockIsWarnedThenMissedWhenNoDecisionIsMade() {
        fixture.givenCommands(List.of(issued(registerPetition(), asClerk())))
                .whenTimeAdvancesTo(ACCEPTANCE_DUE.plus(Duration.ofMinutes(1)))
                .expectEvents(new DeadlineApproaching(LETTER_ID, DeadlineKind.ACCEPTANCE, 0, ACCEPTANCE_DUE),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.ACCEPTANCE, 0, ACCEPTANCE_DUE),
                        // ACCEPTANCE is among supervision's default kinds: the miss opens it, and its reminder
                        // (past by then) raises it to the director.
                        new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DEADLINE_MISSED,
                                DeadlineKind.ACCEPTANCE, 0, null, 1, NOW, PLANNER.workingHoursAfter(NOW, 48)),
                        new SupervisionReminded(LETTER_ID, 1, 2, PLANNER.workingHoursAfter(NOW, 48), null));
    }

    @Test
    void theDecisionUnschedulesTheAcceptanceClock() {
        clock.set(ACCEPTED_AT);
        fixture.givenCommands(List.of(issued(registerPetition(), asClerk())))
                .when(new DecideAcceptance(LETTER_ID, null, AcceptanceDecision.NOT_ACCEPTED, "不属于受理范围"),
                        asSupervisor())
                .expectNoScheduledDeadlines();
    }

    // ---------------------------------------------------------------- extension

    @Test
    void anExtensionOf30DaysMovesTheReplyTo20270107AndNotifiesThePetitioner() {
        clock.set(at("2026-11-01T10:00+08:00"));
        fixture.given(accepted())
                .when(new ExtendReply(LETTER_ID, null, 30, "需跨部门调查"), asSupervisor())
                .expectEvents(
                        new PetitionReplyExtended(LETTER_ID, 30, "需跨部门调查", SUPERVISOR, REPLY_DUE),
                        new DeadlineSet(LETTER_ID, DeadlineKind.REPLY, 0, ACCEPTED_AT, EXTENDED_REPLY_DUE,
                                EXTENDED_REPLY_DUE.minus(Duration.ofHours(432)), "60 calendar days + 30 days extension",
                                false, List.of()),
                        new PetitionExtensionNoticeSent(LETTER_ID, 30, "需跨部门调查", EXTENDED_REPLY_DUE))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED, "replyDue",
                        EXTENDED_REPLY_DUE));
    }

    @Test
    void aSecondExtensionIsRefused() {
        List<Object> events = accepted();
        events.add(new PetitionReplyExtended(LETTER_ID, 10, "需调查", SUPERVISOR, REPLY_DUE));
        expectRefused(fixture.given(events).when(new ExtendReply(LETTER_ID, null, 5, "再延"), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "already extended");
    }

    @Test
    void anExtensionOfMoreThan30DaysIsRefused() {
        expectRefused(fixture.given(accepted()).when(new ExtendReply(LETTER_ID, null, 31, "需调查"), asSupervisor()),
                ProblemCode.VALIDATION_FAILED, "days");
    }

    @Test
    void anExtensionBeforeAcceptanceIsRefused() {
        expectRefused(fixture.given(received()).when(new ExtendReply(LETTER_ID, null, 10, "需调查"), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "not accepted");
    }

    // ---------------------------------------------------------------- review (复查) and second review (复核)

    @Test
    void aReviewRequestedOnDay30IsRecordedWithItsAnswerDue30DaysLater() {
        clock.set(REVIEW_WINDOW_END);
        Instant answerDue = at("2027-01-19T10:00+08:00");
        fixture.given(replied())
                .when(new RequestReview(LETTER_ID, null, PetitionReviewKind.REVIEW, "对答复不服"), asClerk())
                .expectEvents(
                        new PetitionReviewRequested(LETTER_ID, 1, PetitionReviewKind.REVIEW, "对答复不服",
                                REVIEW_WINDOW_END),
                        new DeadlineSet(LETTER_ID, DeadlineKind.REVIEW, 1, REVIEW_WINDOW_END, answerDue,
                                answerDue.minus(Duration.ofHours(144)), "30 calendar days", false, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT, "requestNo", 1, "reviewDue",
                        answerDue));
    }

    @Test
    void aReviewRequestedOnDay31IsRefused() {
        clock.set(REVIEW_WINDOW_END.plus(Duration.ofDays(1)));
        expectRefused(fixture.given(replied())
                        .when(new RequestReview(LETTER_ID, null, PetitionReviewKind.REVIEW, "对答复不服"), asClerk()),
                ProblemCode.INVALID_TRANSITION, "could be requested until");
    }

    @Test
    void aReviewBeforeTheReplyIsRefused() {
        expectRefused(fixture.given(accepted())
                        .when(new RequestReview(LETTER_ID, null, PetitionReviewKind.REVIEW, "不服"), asClerk()),
                ProblemCode.INVALID_TRANSITION, "no answer yet");
    }

    @Test
    void theReviewAnswerMeetsItsClockAndClosesTheLetterAgain() {
        clock.set(at("2026-12-10T10:00+08:00"));
        fixture.given(reviewRequested(at("2026-12-01T10:00+08:00")))
                .when(new AnswerReview(LETTER_ID, null, 1, "维持原答复"), asSupervisor())
                .expectEvents(new PetitionReviewAnswered(LETTER_ID, 1, PetitionReviewKind.REVIEW, "维持原答复",
                        SUPERVISOR, at("2026-12-10T10:00+08:00"), false))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED, "requestNo", 1));
    }

    @Test
    void aSecondReviewIsRequestedWithin30DaysOfTheReviewsAnswer() {
        clock.set(at("2027-01-09T10:00+08:00"));
        List<Object> events = reviewRequested(at("2026-12-01T10:00+08:00"));
        events.add(new PetitionReviewAnswered(LETTER_ID, 1, PetitionReviewKind.REVIEW, "维持原答复", SUPERVISOR,
                at("2026-12-10T10:00+08:00"), false));
        fixture.given(events)
                .when(new RequestReview(LETTER_ID, null, PetitionReviewKind.SECOND_REVIEW, "仍不服"), asClerk())
                .expectEventsMatching(eventsIncluding("the second review request",
                        e -> e instanceof PetitionReviewRequested r && r.requestNo() == 2
                                && r.kind() == PetitionReviewKind.SECOND_REVIEW))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT, "requestNo", 2));
    }

    @Test
    void aSecondReviewBeforeTheReviewIsRefused() {
        clock.set(at("2026-11-21T10:00+08:00"));
        expectRefused(fixture.given(replied())
                        .when(new RequestReview(LETTER_ID, null, PetitionReviewKind.SECOND_REVIEW, "不服"), asClerk()),
                ProblemCode.INVALID_TRANSITION, "can next take a REVIEW");
    }

    @Test
    void noRequestIsTakenAfterTheSecondReviewTheMatterIsFinal() {
        clock.set(at("2026-12-21T10:00+08:00"));
        expectRefused(fixture.given(final_())
                        .when(new RequestReview(LETTER_ID, null, PetitionReviewKind.SECOND_REVIEW, "再不服"), asClerk()),
                ProblemCode.INVALID_TRANSITION, "final");
    }

    @Test
    void theMatterIsDescribedAsFinalAfterTheSecondReviewWithoutAnyEvent() {
        fixture.given(final_())
                .when(new DescribeMatter(LETTER_ID))
                .expectNoEvents()
                .expectResultMessagePayload(new MatterState(LETTER_ID, SERIAL_NO, true, true));
    }

    @Test
    void anUnansweredReviewIsWarnedThenMissed() {
        Instant requestedAt = at("2026-11-21T10:00+08:00");
        Instant due = at("2026-12-21T10:00+08:00");
        clock.set(requestedAt);
        fixture.givenCurrentTime(requestedAt).andGiven(replied())
                .andGivenCommands(issued(new RequestReview(LETTER_ID, null, PetitionReviewKind.REVIEW, "不服"),
                        asClerk()))
                .whenTimeAdvancesTo(due.plus(Duration.ofMinutes(1)))
                .expectEvents(new DeadlineApproaching(LETTER_ID, DeadlineKind.REVIEW, 1, due),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.REVIEW, 1, due),
                        // REVIEW is among supervision's default kinds (opened at the aggregate clock's time).
                        new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DEADLINE_MISSED, DeadlineKind.REVIEW,
                                1, Department.ADMINISTRATION, 1, requestedAt,
                                PLANNER.workingHoursAfter(requestedAt, 48)),
                        new SupervisionReminded(LETTER_ID, 1, 2, PLANNER.workingHoursAfter(requestedAt, 48), null));
    }

    /** A clock a test moves between commands. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
