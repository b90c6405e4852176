package org.letterdesk.command.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year's published working-day schedule (国务院办公厅通知).
 *
 * @param year     the calendar year every date belongs to
 * @param holidays statutory holiday days off (法定节假日), including the weekend days inside a
 *                 holiday block as published
 * @param workdays make-up working days (调休上班), usually a Saturday or Sunday
 */
public record CalendarYear(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workdays) {

    public CalendarYear {
        holidays = immutableCopy(year, "holiday", holidays);
        workdays = immutableCopy(year, "make-up workday", workdays);
        for (LocalDate date : holidays) {
            if (workdays.contains(date)) {
                throw new IllegalArgumentException(
                        "calendar " + year + ": " + date + " is both a holiday and a make-up workday");
            }
        }
    }

    private static SortedSet<LocalDate> immutableCopy(int year, String kind, SortedSet<LocalDate> dates) {
        Objects.requireNonNull(dates, () -> "calendar " + year + ": " + kind + " dates must not be null");
        // A fresh TreeSet with natural order, whatever comparator the caller's set used.
        TreeSet<LocalDate> copy = new TreeSet<>();
        for (LocalDate date : dates) {
            if (date == null) {
                throw new IllegalArgumentException("calendar " + year + ": " + kind + " date must not be null");
            }
            if (date.getYear() != year) {
                throw new IllegalArgumentException(
                        "calendar " + year + ": " + kind + " " + date + " is not in " + year);
            }
            copy.add(date);
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
