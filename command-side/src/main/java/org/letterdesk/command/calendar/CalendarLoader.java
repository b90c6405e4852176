package org.letterdesk.command.calendar;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.calendar.CalendarCommands.LoadCalendarYear;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Sends {@link LoadCalendarYear} with the same user, role and correlation metadata as letter commands, so who
 * changed the calendar is recorded on its event. A load replaces the year, so it needs neither If-Match nor an
 * Idempotency-Key.
 */
@Component
class CalendarLoader {

    private final CommandGateway gateway;

    CalendarLoader(CommandGateway gateway) {
        this.gateway = gateway;
    }

    void load(Actor actor, CommandRequest request, int year, List<LocalDate> holidays, List<LocalDate> workdays) {
        gateway.sendAndWait(new LoadCalendarYear(CalendarCommands.calendarId(year), year, holidays, workdays),
                CommandRunner.metaData(actor, request));
    }
}
