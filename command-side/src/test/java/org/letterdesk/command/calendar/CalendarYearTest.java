package org.letterdesk.command.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CalendarYearTest {

    @Test
    void rejectsAHolidayOutsideItsYear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CalendarYear(2026, dates(LocalDate.of(2025, 12, 31)), dates()));
        assertTrue(e.getMessage().contains("2025-12-31"), e.getMessage());
        assertTrue(e.getMessage().contains("2026"), e.getMessage());
    }

    @Test
    void rejectsAMakeUpWorkdayOutsideItsYear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CalendarYear(2026, dates(), dates(LocalDate.of(2027, 1, 2))));
        assertTrue(e.getMessage().contains("2027-01-02"), e.getMessage());
    }

    @Test
    void rejectsADateThatIsBothHolidayAndWorkday() {
        LocalDate day = LocalDate.of(2026, 2, 14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CalendarYear(2026, dates(day), dates(day)));
        assertTrue(e.getMessage().contains("2026-02-14"), e.getMessage());
        assertTrue(e.getMessage().contains("both"), e.getMessage());
    }

    @Test
    void rejectsMissingSets() {
        assertThrows(NullPointerException.class, () -> new CalendarYear(2026, null, dates()));
        assertThrows(NullPointerException.class, () -> new CalendarYear(2026, dates(), null));
    }

    @Test
    void keepsAnImmutableNaturallyOrderedCopy() {
        SortedSet<LocalDate> holidays = new TreeSet<>(Comparator.reverseOrder());
        holidays.add(LocalDate.of(2026, 1, 1));
        holidays.add(LocalDate.of(2026, 1, 3));
        CalendarYear year = new CalendarYear(2026, holidays, dates());

        holidays.add(LocalDate.of(2026, 1, 2));

        assertEquals(2, year.holidays().size(), "later changes to the caller's set must not leak in");
        assertEquals(LocalDate.of(2026, 1, 1), year.holidays().first());
        assertThrows(UnsupportedOperationException.class,
                () -> year.workdays().add(LocalDate.of(2026, 1, 4)));
    }

    private static SortedSet<LocalDate> dates(LocalDate... days) {
        return new TreeSet<>(List.of(days));
    }
}
