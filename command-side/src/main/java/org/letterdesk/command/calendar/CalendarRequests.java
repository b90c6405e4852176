package org.letterdesk.command.calendar;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request body of loading a year's working-day calendar. */
final class CalendarRequests {

    private CalendarRequests() {
    }

    record CalendarYearRequest(@NotNull @Size(max = 400) List<@NotNull LocalDate> holidays,
                               @NotNull @Size(max = 400) List<@NotNull LocalDate> workdays) {
    }
}
