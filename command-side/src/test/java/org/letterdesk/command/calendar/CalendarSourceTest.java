package org.letterdesk.command.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CalendarSourceTest {

    @Test
    void servesTheGivenYearsOnly() {
        CalendarYear year = new CalendarYear(2027, new TreeSet<>(Set.of(LocalDate.of(2027, 1, 1))),
                new TreeSet<>());
        CalendarSource source = CalendarSource.of(year);

        assertEquals(year, source.find(2027).orElseThrow());
        assertTrue(source.find(2026).isEmpty());
    }

    @Test
    void rejectsTheSameYearTwice() {
        CalendarYear a = new CalendarYear(2027, new TreeSet<>(), new TreeSet<>());
        CalendarYear b = new CalendarYear(2027, new TreeSet<>(), new TreeSet<>());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalendarSource.of(a, b));
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
    }
}
