package org.letterdesk.command.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

public final class CalendarCommands {

    private CalendarCommands() {
    }

    /** Load (or replace) one year's statutory holidays and make-up working days. */
    public record LoadCalendarYear(@TargetAggregateIdentifier String calendarId, int year, List<LocalDate> holidays,
                                   List<LocalDate> workdays) {
    }

    public static String calendarId(int year) {
        return "calendar-" + year;
    }
}
