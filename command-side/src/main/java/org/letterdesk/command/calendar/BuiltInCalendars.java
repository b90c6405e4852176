package org.letterdesk.command.calendar;

import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/** The statutory schedules shipped with the product, as published by the State Council. */
public final class BuiltInCalendars {

    private static final CalendarYear YEAR_2025 = new CalendarYear(2025,
            dates(
                    day(2025, 1, 1),                     // 元旦
                    range(2025, 1, 28, 2, 4),            // 春节
                    range(2025, 4, 4, 4, 6),             // 清明
                    range(2025, 5, 1, 5, 5),             // 劳动节
                    range(2025, 5, 31, 6, 2),            // 端午
                    range(2025, 10, 1, 10, 8)),          // 国庆·中秋
            dates(
                    day(2025, 1, 26), day(2025, 2, 8),   // 春节
                    day(2025, 4, 27),                    // 劳动节
                    day(2025, 9, 28), day(2025, 10, 11)) // 国庆·中秋
    );

    private static final CalendarYear YEAR_2026 = new CalendarYear(2026,
            dates(
                    range(2026, 1, 1, 1, 3),             // 元旦
                    range(2026, 2, 15, 2, 23),           // 春节
                    range(2026, 4, 4, 4, 6),             // 清明
                    range(2026, 5, 1, 5, 5),             // 劳动节
                    range(2026, 6, 19, 6, 21),           // 端午
                    range(2026, 9, 25, 9, 27),           // 中秋
                    range(2026, 10, 1, 10, 7)),          // 国庆
            dates(
                    day(2026, 1, 4),                     // 元旦
                    day(2026, 2, 14), day(2026, 2, 28),  // 春节
                    day(2026, 5, 9),                     // 劳动节
                    day(2026, 9, 20), day(2026, 10, 10)) // 国庆
    );

    private static final CalendarSource SOURCE = CalendarSource.of(YEAR_2025, YEAR_2026);

    private BuiltInCalendars() {
    }

    public static CalendarYear year2025() {
        return YEAR_2025;
    }

    public static CalendarYear year2026() {
        return YEAR_2026;
    }

    public static CalendarSource source() {
        return SOURCE;
    }

    private static SortedSet<LocalDate> day(int year, int month, int dayOfMonth) {
        return range(year, month, dayOfMonth, month, dayOfMonth);
    }

    /** Both ends inclusive, within one year. */
    private static SortedSet<LocalDate> range(int year, int fromMonth, int fromDay, int toMonth, int toDay) {
        SortedSet<LocalDate> days = new TreeSet<>();
        LocalDate last = LocalDate.of(year, toMonth, toDay);
        for (LocalDate d = LocalDate.of(year, fromMonth, fromDay); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    @SafeVarargs
    private static SortedSet<LocalDate> dates(SortedSet<LocalDate>... groups) {
        SortedSet<LocalDate> all = new TreeSet<>();
        for (SortedSet<LocalDate> group : groups) {
            all.addAll(group);
        }
        return all;
    }
}
