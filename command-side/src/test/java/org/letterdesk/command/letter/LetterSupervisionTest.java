package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.commitment.CommitmentCommands.FulfilCommitment;
import org.letterdesk.command.reply.ReplyCommands.RecordFollowUp;
import org.letterdesk.command.supervision.SupervisionCommands.ResolveSupervision;
import org.letterdesk.command.supervision.SupervisionDue;
import org.letterdesk.command.supervision.SupervisionPolicy;
import org.letterdesk.events.*;
import org.letterdesk.problem.ProblemCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.letterdesk.command.letter.LetterFixtures.*;

/**
 * Supervision (督办): a missed reply or commitment deadline or a dissatisfied follow-up opens an item at level 1;
 * a reminder (催办) after each further 2 working days raises it to level 2; the missing answer or a resolution ends
 * it.
 */
class LetterSupervisionTest {

    private static final Instant REMIND_AT = PLANNER.workingHoursAfter(NOW, 48);
    private static final Instant REPLY_DUE = at("2026-10-14T15:00+08:00");

    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static SupervisionOpened openedForReply() {
        return new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DEADLINE_MISSED, DeadlineKind.REPLY, 0,
                Department.CUSTOMER_SERVICE, 1, NOW, REMIND_AT);
    }

    @Test
    void twoWorkingDaysAfterOpeningAReminderIsDueAndTheNationalHolidayDoesNotCount() {
        // Opened Wed 30 Sep 15:30: 8.5 h that day, 1–7 Oct 国庆 off, 24 h on 8 Oct, 15.5 h on 9 Oct.
        org.junit.jupiter.api.Assertions.assertEquals(at("2026-10-09T15:30+08:00"), REMIND_AT);
    }

    @Test
    void aMissedReplyOpensSupervisionForTheDepartmentAndItsReminderRaisesItToTheDirector() {
        // The fixture's clock stands at NOW, so the reminder (two working days after NOW) is already due when the
        // reply is missed on 14 October, and fires at once; none follows at the top level.
        fixture.givenCommands(issued(register(), asClerk()),
                        issued(assign(Department.CUSTOMER_SERVICE, HANDLER), asClerk()))
                .whenTimeAdvancesTo(REPLY_DUE.plusSeconds(1))
                .expectEvents(
                        new DeadlineApproaching(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0,
                                at("2026-10-12T15:00+08:00")),
                        new DeadlineApproaching(LETTER_ID, DeadlineKind.REPLY, 0, REPLY_DUE),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.FIRST_RESPONSE, 0, at("2026-10-12T15:00+08:00")),
                        new DeadlineMissed(LETTER_ID, DeadlineKind.REPLY, 0, REPLY_DUE),
                        openedForReply(),
                        new SupervisionReminded(LETTER_ID, 1, 2, REMIND_AT, null))
                .expectTriggeredDeadlinesMatching(eventsIncludingPayload(new SupervisionDue(1, REMIND_AT)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aMissedFirstResponseOpensNoSupervisionByDefault() {
        fixture.givenCommands(issued(register(), asClerk()))
                .whenTimeAdvancesTo(at("2026-10-12T15:01+08:00"))
                .expectEventsMatching(eventTypes(DeadlineApproaching.class, DeadlineApproaching.class,
                        DeadlineMissed.class));
    }

    @Test
    void theKindsThatOpenSupervisionAreConfiguration() {
        fixture = newFixture(new org.letterdesk.command.archive.RetentionPolicy(3),
                new SupervisionPolicy(2, EnumSet.of(DeadlineKind.FIRST_RESPONSE)));
        fixture.givenCommands(issued(register(), asClerk()))
                .whenTimeAdvancesTo(at("2026-10-12T15:01+08:00"))
                .expectEventsMatching(eventsIncluding("supervision of the first response",
                        e -> e instanceof SupervisionOpened o && o.kind() == DeadlineKind.FIRST_RESPONSE));
    }


    @Test
    void sendingTheLateReplyEndsTheSupervisionAsAnswered() {
        fixture.given(approved().event(new DeadlineMissed(LETTER_ID, DeadlineKind.REPLY, 0, REPLY_DUE))
                        .event(openedForReply()).events())
                .when(sendByPhone(), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.PHONE, null, null, NOW),
                        new SupervisionResolved(LETTER_ID, 1, true, "system", "answered: REPLY", NOW));
    }

    @Test
    void fulfillingTheMissedCommitmentEndsItsSupervision() {
        Commitment refund = new Commitment(1, "退款", Department.BUSINESS, LocalDate.parse("2026-10-31"));
        SupervisionOpened opened = new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DEADLINE_MISSED,
                DeadlineKind.COMMITMENT, 1, Department.CUSTOMER_SERVICE, 1, NOW, REMIND_AT);
        fixture.given(sent().event(new CommitmentOpened(LETTER_ID, 1, refund.what(), refund.department(),
                                refund.dueDate(), NOW))
                        .event(PLANNER.commitment(LETTER_ID, 1, NOW, refund.dueDate(), ZONE))
                        .event(new DeadlineMissed(LETTER_ID, DeadlineKind.COMMITMENT, 1, NOW)).event(opened)
                        .events())
                .when(new FulfilCommitment(LETTER_ID, null, 1, "回单"), asHandler())
                .expectEvents(new CommitmentFulfilled(LETTER_ID, 1, "回单", HANDLER, NOW),
                        new SupervisionResolved(LETTER_ID, 1, true, "system", "answered: COMMITMENT", NOW));
    }

    @Test
    void aDissatisfiedFollowUpOpensSupervision() {
        fixture.given(sent().flagged(false, false, false, true).events())
                .when(new RecordFollowUp(LETTER_ID, null, "客户不满意", false, Satisfaction.VERY_DISSATISFIED),
                        asHandler())
                .expectEvents(new FollowUpRecorded(LETTER_ID, "客户不满意", false, Satisfaction.VERY_DISSATISFIED),
                        new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DISSATISFIED, null, 0,
                                Department.CUSTOMER_SERVICE, 1, NOW, REMIND_AT));
    }

    @Test
    void aNeutralFollowUpOpensNone() {
        fixture.given(sent().flagged(false, false, false, true).events())
                .when(new RecordFollowUp(LETTER_ID, null, "一般", null, Satisfaction.NEUTRAL), asHandler())
                .expectEvents(new FollowUpRecorded(LETTER_ID, "一般", null, Satisfaction.NEUTRAL));
    }

    @Test
    void aSupervisorResolvesEveryOpenItem() {
        fixture.given(sent().event(new SupervisionOpened(LETTER_ID, 1, SupervisionReason.DISSATISFIED, null, 0,
                        Department.CUSTOMER_SERVICE, 1, NOW, REMIND_AT)).events())
                .when(new ResolveSupervision(LETTER_ID, null, "已回访道歉"), asSupervisor())
                .expectEvents(new SupervisionResolved(LETTER_ID, 1, false, SUPERVISOR, "已回访道歉", NOW))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED, "resolved", List.of(1)));
    }

    @Test
    void resolvingWithoutSupervisionIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(new ResolveSupervision(LETTER_ID, null, "无"), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "is not under supervision");
    }

    /** Some triggered deadline message carries this payload. */
    private static org.hamcrest.Matcher<List<org.axonframework.deadline.DeadlineMessage<?>>> eventsIncludingPayload(
            Object payload) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<org.axonframework.deadline.DeadlineMessage<?>> messages) {
                return messages.stream().anyMatch(m -> payload.equals(m.getPayload()));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a triggered deadline with payload ").appendValue(payload);
            }
        };
    }
}
