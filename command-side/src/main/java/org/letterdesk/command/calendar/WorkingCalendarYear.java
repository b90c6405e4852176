package org.letterdesk.command.calendar;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.letterdesk.command.calendar.CalendarCommands.LoadCalendarYear;
import org.letterdesk.events.CalendarYearLoaded;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One year of the working-day calendar. Loading a year is an event like any other action, so who changed the
 * calendar and when stays traceable; deadlines already computed keep the values recorded in their events.
 */
@Aggregate
public class WorkingCalendarYear {

    @AggregateIdentifier
    private String calendarId;

    protected WorkingCalendarYear() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(LoadCalendarYear cmd) {
        try {
            new CalendarYear(cmd.year(), new TreeSet<>(cmd.holidays()), new TreeSet<>(cmd.workdays()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, e.getMessage(),
                    Map.of("errors", List.of(Map.of("field", "holidays", "message", String.valueOf(e.getMessage())))));
        }
        apply(new CalendarYearLoaded(cmd.year(), List.copyOf(new TreeSet<>(cmd.holidays())),
                List.copyOf(new TreeSet<>(cmd.workdays()))));
        return cmd.year();
    }

    @EventSourcingHandler
    void on(CalendarYearLoaded e) {
        calendarId = CalendarCommands.calendarId(e.year());
    }
}
