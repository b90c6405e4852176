package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.deadline.DeadlineDue;
import org.letterdesk.events.Channel;
import org.letterdesk.events.DeadlineApproaching;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineMissed;
import org.letterdesk.events.Department;
import org.letterdesk.events.ReviewLevel;
import org.letterdesk.events.SupervisionOpened;
import org.letterdesk.events.SupervisionReason;
import org.letterdesk.events.SupervisionReminded;

import org.hamcrest.Matcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.letterdesk.command.letter.LetterFixtures.*;

/**
 * Deadlines (答复时限) as scheduled with the deadline manager: set at registration, re-set on urgency, cancelled when
 * met, and a warning (DeadlineApproaching) then a DeadlineMissed when time passes unanswered.
 */
class LetterDeadlinesTest {

    private static final String FIRST_RESPONSE = DeadlineDue.scheduleName(DeadlineKind.FIRST_RESPONSE, 0);
    private static final String REPLY = DeadlineDue.scheduleName(DeadlineKind.REPLY, 0);
    private static final String FOLLOW_UP = DeadlineDue.scheduleName(DeadlineKind.FOLLOW_UP, 0);
    private static final String INVESTIGATION = DeadlineDue.scheduleName(DeadlineKind.DISPUTE_INVESTIGATION, 1);

    /** The worked example's due times (regular LETTER received Wed 2026-09-30 15:00). */
    private static final Instant FIRST_RESPONSE_DUE = at("2026-10-12T15:00+08:00");
    private static final Instant FIRST_RESPONSE_WARNING = at("2026-10-10T05:24+08:00");
    private static final Instant REPLY_DUE = at("2026-10-14T15:00+08:00");
    private static final Instant REPLY_WARNING = at("2026-10-11T19:48+08:00");

    /** An urgent letter received at {@link LetterFixtures#NOW}: 1 and 24 clock hours. */
    private static final Instant URGENT_FIRST_RESPONSE_DUE = NOW.plus(Duration.ofHours(1));
    private static final Instant URGENT_FIRST_RESPONSE_WARNING = NOW.plus(Duration.ofMinutes(48));

    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static Object registerUrgentNow() {
        return issued(register(Channel.LETTER, NOW, "涉及燃气泄漏安全隐患"), asClerk());
    }

    /** The commands that take a regular letter from registration to a fully approved first draft. */
    private static List<Object> upToApproval(boolean complex) {
        return List.of(
                issued(register(), asClerk()),
                issued(assign(Department.CUSTOMER_SERVICE, HANDLER), asClerk()),
                issued(flag(false, false, false, complex), asHandler()),
                issued(draft(complex ? COMPLEX_CONTENT : CLEAN_CONTENT), asHandler()),
                issued(approve(ReviewLevel.FORMAT), asReviewer()),
                issued(approve(ReviewLevel.SUPERVISOR), asSupervisor()));
    }

    private static List<Object> upToSent(boolean complex) {
        List<Object> commands = new ArrayList<>(upToApproval(complex));
        commands.add(issued(sendByPhone(), asHandler()));
        return commands;
    }

    // ---------------------------------------------------------------- scheduling

    @Test
    void registrationSchedulesTheWarningsOfTheFirstResponseAndReplyDeadlinesButNotYetTheirMisses() {
        fixture.givenNoPriorActivity()
                .when(register(), asClerk())
                .expectScheduledDeadlineOfType(FIRST_RESPONSE_WARNING, DeadlineDue.class)
                .expectScheduledDeadlineWithName(FIRST_RESPONSE_WARNING, FIRST_RESPONSE)
                .expectScheduledDeadline(FIRST_RESPONSE_WARNING,
                        new DeadlineDue(DeadlineKind.FIRST_RESPONSE, 0, false, FIRST_RESPONSE_DUE))
                .expectNoScheduledDeadline(FIRST_RESPONSE_DUE,
                        new DeadlineDue(DeadlineKind.FIRST_RESPONSE, 0, true, FIRST_RESPONSE_DUE))
                .expectScheduledDeadlineWithName(REPLY_WARNING, REPLY)
                .expectScheduledDeadline(REPLY_WARNING, new DeadlineDue(DeadlineKind.REPLY, 0, false, REPLY_DUE))
                .expectNoScheduledDeadline(REPLY_DUE, new DeadlineDue(DeadlineKind.REPLY, 0, true, REPLY_DUE));
    }

    @Test
    void theWarningSchedulesTheMiss() {
        fixture.givenCommands(issued(register(), asClerk()))
                .whenTimeAdvancesTo(FIRST_RESPONSE_WARNING.plus(Duration.ofMinutes(1)))
                .expectEvents(new DeadlineApproaching(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, FIRST_RESPONSE_DUE))
                .expectScheduledDeadline(FIRST_RESPONSE_DUE,
                        new DeadlineDue(DeadlineKind.FIRST_RESPONSE, 0, true, FIRST_RESPONSE_DUE));
    }

    @Test
    void lateRegistrationWhoseDeadlinesAlreadyPassedSchedulesOnlyTheMissesAtOnce() {
        // EMAIL received Mon 2026-09-14 10:00: first response due Sep 15 10:00, reply Sep 16 10:00, both past.
        Instant firstResponseDue = at("2026-09-15T10:00+08:00");
        Matcher<Object> warning = predicate(payload -> payload instanceof DeadlineDue due && !due.missed());
        fixture.givenNoPriorActivity()
                .when(register(Channel.EMAIL, at("2026-09-14T10:00+08:00"), null), asClerk())
                .expectScheduledDeadline(NOW,
                        new DeadlineDue(DeadlineKind.FIRST_RESPONSE, 0, true, firstResponseDue))
                .expectNoScheduledDeadlineMatching(messageWithPayload(warning));
    }

    @Test
    void lateRegistrationIsReportedMissedAsSoonAsTimeMovesOnWithoutAWarning() {
        fixture.givenCommands(issued(register(Channel.EMAIL, at("2026-09-14T10:00+08:00"), null), asClerk()))
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectEvents(
                        new DeadlineMissed(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, at("2026-09-15T10:00+08:00")),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.REPLY, 0, at("2026-09-16T10:00+08:00")),
                        // A missed reply opens supervision (督办); its first reminder is two working days ahead.
                        new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DEADLINE_MISSED, DeadlineKind.REPLY, 0,
                                null, 1, NOW, PLANNER.workingHoursAfter(NOW, 48)));
    }

    @Test
    void markingUrgentReplacesTheScheduledIntakeDeadlinesWithClockHourOnes() {
        Instant urgentFirstResponseDue = RECEIVED_AT.plus(Duration.ofHours(1));
        Instant urgentReplyDue = RECEIVED_AT.plus(Duration.ofHours(24));
        fixture.givenCommands(issued(register(), asClerk()))
                .when(markUrgent("重大投诉"), asSupervisor())
                // Warnings at 80 % of the windows: 15:48 for the first response, 15:00 + 19.2 h for the reply.
                .expectScheduledDeadline(at("2026-09-30T15:48+08:00"),
                        new DeadlineDue(DeadlineKind.FIRST_RESPONSE, 0, false, urgentFirstResponseDue))
                .expectScheduledDeadline(at("2026-10-01T10:12+08:00"),
                        new DeadlineDue(DeadlineKind.REPLY, 0, false, urgentReplyDue))
                .expectNoScheduledDeadlineWithName(FIRST_RESPONSE_DUE, FIRST_RESPONSE)
                .expectNoScheduledDeadlineWithName(FIRST_RESPONSE_WARNING, FIRST_RESPONSE)
                .expectNoScheduledDeadlineWithName(REPLY_DUE, REPLY)
                .expectNoScheduledDeadlineWithName(REPLY_WARNING, REPLY);
    }

    // ---------------------------------------------------------------- meeting a deadline cancels it

    @Test
    void firstContactCancelsTheFirstResponseDeadlineButNotTheReplyDeadline() {
        fixture.givenCommands(issued(register(), asClerk()))
                .when(firstContact(), asClerk())
                .expectNoScheduledDeadlineWithName(FIRST_RESPONSE_WARNING, FIRST_RESPONSE)
                .expectNoScheduledDeadlineWithName(FIRST_RESPONSE_DUE, FIRST_RESPONSE)
                .expectScheduledDeadlineWithName(REPLY_WARNING, REPLY);
    }

    @Test
    void sendingTheReplyOfARegularLetterCancelsEveryDeadline() {
        fixture.givenCommands(upToApproval(false))
                .when(sendByPhone(), asHandler())
                .expectNoScheduledDeadlines();
    }

    @Test
    void sendingTheReplyOfAComplexLetterLeavesOnlyTheFollowUpScheduled() {
        Instant followUpDue = NOW.plus(Duration.ofHours(24));
        fixture.givenCommands(upToApproval(true))
                .when(sendByPhone(), asHandler())
                // Warned 4.8 h (20 % of 24 h) before it is due.
                .expectScheduledDeadline(followUpDue.minus(Duration.ofMinutes(288)),
                        new DeadlineDue(DeadlineKind.FOLLOW_UP, 0, false, followUpDue))
                .expectNoScheduledDeadlineWithName(FIRST_RESPONSE_DUE, FIRST_RESPONSE)
                .expectNoScheduledDeadlineWithName(REPLY_DUE, REPLY);
    }

    @Test
    void recordingTheFollowUpCancelsTheFollowUpDeadline() {
        List<Object> commands = new ArrayList<>(upToSent(true));
        fixture.givenCommands(commands)
                .when(followUp(), asClerk())
                .expectNoScheduledDeadlines();
    }

    @Test
    void investigatingADisputeCancelsItsInvestigationDeadline() {
        fixture.givenCommands(issued(register(), asClerk()), issued(recordDispute(), asHandler()))
                .when(investigate(1), asHandler())
                .expectNoScheduledDeadlineWithName(at("2026-10-10T15:30+08:00"), INVESTIGATION)
                .expectNoScheduledDeadlineWithName(at("2026-10-08T15:30+08:00"), INVESTIGATION)
                .expectScheduledDeadlineWithName(REPLY_WARNING, REPLY);
    }

    // ---------------------------------------------------------------- time passing

    @Test
    void urgentFirstResponseIsWarnedAboutBeforeItIsDue() {
        fixture.givenCommands(registerUrgentNow())
                .whenTimeAdvancesTo(URGENT_FIRST_RESPONSE_WARNING.plus(Duration.ofMinutes(1)))
                .expectEvents(new DeadlineApproaching(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0,
                        URGENT_FIRST_RESPONSE_DUE))
                .expectScheduledDeadline(URGENT_FIRST_RESPONSE_DUE,
                        new DeadlineDue(DeadlineKind.FIRST_RESPONSE, 0, true, URGENT_FIRST_RESPONSE_DUE));
    }

    @Test
    void urgentFirstResponseUnansweredPastItsDueTimeIsWarnedThenMissed() {
        fixture.givenCommands(registerUrgentNow())
                .whenTimeElapses(Duration.ofHours(2))
                .expectEvents(
                        new DeadlineApproaching(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, URGENT_FIRST_RESPONSE_DUE),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, URGENT_FIRST_RESPONSE_DUE))
                .expectTriggeredDeadlinesWithName(FIRST_RESPONSE, FIRST_RESPONSE);
    }

    @Test
    void workedExampleDeadlinesAreWarnedAndMissedInTheOrderTheyFallDue() {
        fixture.givenCommands(issued(register(), asClerk()))
                .whenTimeAdvancesTo(at("2026-10-15T00:00+08:00"))
                .expectEvents(
                        new DeadlineApproaching(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, FIRST_RESPONSE_DUE),
                        new DeadlineApproaching(LETTER_ID, DeadlineKind.REPLY, 0, REPLY_DUE),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, FIRST_RESPONSE_DUE),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.REPLY, 0, REPLY_DUE),
                        // The missed reply opens supervision; its reminder (past by then) raises it to the director,
                        // and no reminder follows at the top level.
                        new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DEADLINE_MISSED, DeadlineKind.REPLY, 0,
                                null, 1, NOW, PLANNER.workingHoursAfter(NOW, 48)),
                        new SupervisionReminded(LETTER_ID, 1, 2, PLANNER.workingHoursAfter(NOW, 48), null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void replyDeadlineIsNotMissedOneMinuteBeforeItsDueTime() {
        fixture.givenCommands(issued(register(), asClerk()), issued(firstContact(), asClerk()))
                .whenTimeAdvancesTo(REPLY_DUE.minus(Duration.ofMinutes(1)))
                .expectEvents(new DeadlineApproaching(LETTER_ID, DeadlineKind.REPLY, 0, REPLY_DUE))
                .expectScheduledDeadline(REPLY_DUE, new DeadlineDue(DeadlineKind.REPLY, 0, true, REPLY_DUE));
    }

    @Test
    void metFirstResponseProducesNoWarningAndNoMiss() {
        fixture.givenCommands(registerUrgentNow(), issued(firstContact(), asClerk()))
                .whenTimeElapses(Duration.ofHours(2))
                .expectNoEvents();
    }

    @Test
    void replySentInTimeProducesNoDeadlineEventsLater() {
        fixture.givenCommands(upToSent(false))
                .whenTimeAdvancesTo(at("2026-10-20T00:00+08:00"))
                .expectNoEvents()
                .expectTriggeredDeadlinesWithName();
    }

    @Test
    void followUpOfAComplexLetterNotRecordedWithin24HoursIsWarnedThenMissed() {
        Instant followUpDue = NOW.plus(Duration.ofHours(24));
        fixture.givenCommands(upToSent(true))
                .whenTimeElapses(Duration.ofHours(25))
                .expectEvents(new DeadlineApproaching(LETTER_ID, DeadlineKind.FOLLOW_UP, 0, followUpDue),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.FOLLOW_UP, 0, followUpDue));
    }

    @Test
    void followUpRecordedInTimeProducesNoDeadlineEvents() {
        List<Object> commands = new ArrayList<>(upToSent(true));
        commands.add(issued(followUp(), asClerk()));
        fixture.givenCommands(commands)
                .whenTimeElapses(Duration.ofHours(25))
                .expectNoEvents();
    }

    @Test
    void uninvestigatedDisputeIsWarnedThenMissedAfterThreeWorkingDays() {
        Instant due = at("2026-10-10T15:30+08:00");
        fixture.givenCommands(issued(register(), asClerk()), issued(firstContact(), asClerk()),
                        issued(recordDispute(), asHandler()))
                .whenTimeAdvancesTo(at("2026-10-10T16:00+08:00"))
                .expectEvents(new DeadlineApproaching(LETTER_ID, DeadlineKind.DISPUTE_INVESTIGATION, 1, due),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.DISPUTE_INVESTIGATION, 1, due));
    }

    @Test
    void investigatedDisputeProducesNoInvestigationDeadlineEvents() {
        fixture.givenCommands(issued(register(), asClerk()), issued(firstContact(), asClerk()),
                        issued(recordDispute(), asHandler()), issued(investigate(1), asHandler()))
                .whenTimeAdvancesTo(at("2026-10-10T16:00+08:00"))
                .expectNoEvents();
    }
}
