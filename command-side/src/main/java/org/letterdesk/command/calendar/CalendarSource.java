package org.letterdesk.command.calendar;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where the working-day calendar of a year comes from; a year may not have been loaded yet. */
public interface CalendarSource {

    Optional<CalendarYear> find(int year);

    /** A fixed source over the given years; each year may appear only once. */
    static CalendarSource of(CalendarYear... years) {
        Map<Integer, CalendarYear> byYear = new HashMap<>();
        for (CalendarYear year : years) {
            if (byYear.putIfAbsent(year.year(), year) != null) {
                throw new IllegalArgumentException("calendar " + year.year() + " given more than once");
            }
        }
        Map<Integer, CalendarYear> fixed = Map.copyOf(byYear);
        return year -> Optional.ofNullable(fixed.get(year));
    }
}
