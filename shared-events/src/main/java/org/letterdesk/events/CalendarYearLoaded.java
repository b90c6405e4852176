package org.letterdesk.events;

import java.time.LocalDate;
import java.util.List;

/** An administrator loaded a year's statutory holidays and make-up working days (调休). */
public record CalendarYearLoaded(int year, List<LocalDate> holidays, List<LocalDate> workdays) {
    public CalendarYearLoaded {
        holidays = List.copyOf(holidays);
        workdays = List.copyOf(workdays);
    }
}
