package org.letterdesk.command.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInCalendarsTest {

    @Test
    void year2025MatchesThePublishedSchedule() {
        CalendarYear y = BuiltInCalendars.year2025();
        // 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆·中秋 8 = 28 days off
        assertEquals(28, y.holidays().size());
        assertTrue(y.holidays().contains(LocalDate.of(2025, 2, 4)));
        assertTrue(y.holidays().contains(LocalDate.of(2025, 6, 2)));
        assertTrue(y.holidays().contains(LocalDate.of(2025, 10, 8)));
        assertEquals(
                List.of(
                        LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
                        LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11)),
                List.copyOf(y.workdays()));
    }

    @Test
    void year2026MatchesThePublishedSchedule() {
        CalendarYear y = BuiltInCalendars.year2026();
        // 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 = 33 days off
        assertEquals(33, y.holidays().size());
        for (int day = 15; day <= 23; day++) {
            assertTrue(y.holidays().contains(LocalDate.of(2026, 2, day)), "春节 Feb " + day);
        }
        assertEquals(
                List.of(
                        LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                        LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)),
                List.copyOf(y.workdays()));
    }

    @Test
    void everyMakeUpWorkdayFallsOnAWeekend() {
        for (CalendarYear y : List.of(BuiltInCalendars.year2025(), BuiltInCalendars.year2026())) {
            for (LocalDate day : y.workdays()) {
                DayOfWeek dow = day.getDayOfWeek();
                assertTrue(dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY, day + " is a " + dow);
            }
        }
    }

    @Test
    void sourceServesExactlyTheShippedYears() {
        CalendarSource source = BuiltInCalendars.source();
        assertSame(BuiltInCalendars.year2025(), source.find(2025).orElseThrow());
        assertSame(BuiltInCalendars.year2026(), source.find(2026).orElseThrow());
        assertTrue(source.find(2024).isEmpty());
        assertTrue(source.find(2027).isEmpty());
    }
}
