package org.letterdesk.command.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers whether a date is a working day: Monday–Friday unless a statutory holiday, and a
 * Saturday or Sunday only when it is a make-up workday. A year without a loaded calendar
 * counts plain Monday–Friday.
 */
public final class WorkingCalendar {

    private final CalendarSource source;

    public WorkingCalendar(CalendarSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    public boolean isWorkingDay(LocalDate date) {
        Optional<CalendarYear> year = source.find(date.getYear());
        if (year.isPresent()) {
            if (year.get().holidays().contains(date)) {
                return false;
            }
            if (year.get().workdays().contains(date)) {
                return true;
            }
        }
        return !isWeekend(date);
    }

    public boolean isStatutoryHoliday(LocalDate date) {
        return source.find(date.getYear())
                .map(year -> year.holidays().contains(date))
                .orElse(false);
    }

    public boolean hasYear(int year) {
        return source.find(year).isPresent();
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
