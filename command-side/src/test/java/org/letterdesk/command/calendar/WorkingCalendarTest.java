package org.letterdesk.command.calendar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendar(BuiltInCalendars.source());

    @Test
    void makeUpSundayAfterNewYearIsAWorkingDay() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 1, 4)));
        assertFalse(calendar.isStatutoryHoliday(LocalDate.of(2026, 1, 4)));
    }

    @Test
    void makeUpSaturdayBeforeSpringFestivalIsAWorkingDay() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)));
    }

    @Test
    void mondayInsideSpringFestivalIsAHolidayNotAWorkingDay() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 16)));
        assertTrue(calendar.isStatutoryHoliday(LocalDate.of(2026, 2, 16)));
    }

    @Test
    void ordinarySaturdayIsOffButNotAHoliday() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 7)));
        assertFalse(calendar.isStatutoryHoliday(LocalDate.of(2026, 3, 7)));
    }

    @Test
    void weekendInsideAHolidayBlockCountsAsStatutoryHoliday() {
        // Sun 2026-02-15 opens 春节 as published.
        assertTrue(calendar.isStatutoryHoliday(LocalDate.of(2026, 2, 15)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 15)));
    }

    @Test
    void ordinaryWeekdayIsAWorkingDay() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 3, 9)));
    }

    @Test
    void yearWithoutCalendarCountsMondayToFriday() {
        assertFalse(calendar.hasYear(2027));
        // Fri 2027-01-01 would be 元旦, but nothing is loaded for 2027.
        assertTrue(calendar.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertFalse(calendar.isStatutoryHoliday(LocalDate.of(2027, 1, 1)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2027, 1, 2)));
    }

    @Test
    void knowsWhichYearsAreLoaded() {
        assertTrue(calendar.hasYear(2025));
        assertTrue(calendar.hasYear(2026));
        assertFalse(calendar.hasYear(2024));
    }

    @Test
    void requiresASource() {
        assertThrows(NullPointerException.class, () -> new WorkingCalendar(null));
    }
}
