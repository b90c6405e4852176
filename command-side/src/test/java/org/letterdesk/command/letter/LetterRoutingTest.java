package org.letterdesk.command.letter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.intake.IntakeCommands.RegisterLetter;
import org.letterdesk.command.intake.IntakeCommands.Routing;
import org.letterdesk.events.*;

import java.util.List;

import static org.letterdesk.command.letter.LetterFixtures.*;

/**
 * Registration with a department: named by the clerk it is the clerk's assignment; chosen by a routing rule it is
 * assigned by {@code system}, after the event recording which rule decided.
 */
class LetterRoutingTest {

    private final AggregateTestFixture<Letter> fixture = newFixture();

    private static RegisterLetter register(Routing routing) {
        return new RegisterLetter(LETTER_ID, Channel.FAX, RECEIVED_AT, SENDER, "关于转办消费者投诉的函",
                "请于十个工作日内反馈处理结果", Category.WORK_CONTACT, List.of(), null, null, null, routing, null);
    }

    @Test
    void aRoutedLetterIsAssignedBySystemNamingTheRule() {
        fixture.givenNoPriorActivity()
                .when(register(new Routing(Department.ADMINISTRATION, "work-contact")), asClerk())
                .expectEventsMatching(assignedAfterRouting())
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED, "department",
                        Department.ADMINISTRATION));
    }

    @Test
    void aDepartmentNamedAtRegistrationIsTheClerksAssignmentWithoutRouting() {
        fixture.givenNoPriorActivity()
                .when(register(new Routing(Department.BUSINESS, null)), asClerk())
                .expectEventsMatching(eventTypes(LetterReceived.class, DeadlineSet.class, DeadlineSet.class,
                        LetterAssigned.class))
                .expectResultMessagePayloadMatching(result(LetterStatus.ASSIGNED, "department", Department.BUSINESS));
    }

    /** LetterRouted naming the rule, then LetterAssigned whose metadata names the system as the actor. */
    private static Matcher<List<EventMessage<?>>> assignedAfterRouting() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                for (int i = 0; i + 1 < events.size(); i++) {
                    if (events.get(i).getPayload() instanceof LetterRouted routed
                            && routed.ruleId().equals("work-contact")
                            && routed.department() == Department.ADMINISTRATION
                            && events.get(i + 1).getPayload() instanceof LetterAssigned assigned
                            && assigned.department() == Department.ADMINISTRATION
                            && "system".equals(events.get(i + 1).getMetaData().get("user"))
                            && "SYSTEM".equals(events.get(i + 1).getMetaData().get("role"))) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("LetterRouted(work-contact) followed by LetterAssigned by system");
            }
        };
    }
}
