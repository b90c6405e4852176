package org.letterdesk.command.calendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Years an administrator loaded (table {@code calendar_year}), falling back to the built-in 2025 and 2026
 * schedules. Deadline computation asks once per day it steps over, so each year is cached briefly; a year loaded
 * on another node is seen within the cache time.
 */
@Component
public class StoredCalendars implements CalendarSource {

    private static final Duration CACHE_TIME = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final CalendarSource builtIn = BuiltInCalendars.source();
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<CalendarYear> year, Instant readAt) {
    }

    StoredCalendars(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CalendarYear> find(int year) {
        Cached cached = cache.get(year);
        if (cached == null || cached.readAt().plus(CACHE_TIME).isBefore(Instant.now())) {
            cached = new Cached(load(year), Instant.now());
            cache.put(year, cached);
        }
        return cached.year();
    }

    /** Where a year's calendar comes from: LOADED by an administrator, BUILT_IN, or NONE (Monday–Friday). */
    public String origin(int year) {
        if (stored(year).isPresent()) {
            return "LOADED";
        }
        return builtIn.find(year).isPresent() ? "BUILT_IN" : "NONE";
    }

    void forget(int year) {
        cache.remove(year);
    }

    private Optional<CalendarYear> load(int year) {
        return stored(year).or(() -> builtIn.find(year));
    }

    private Optional<CalendarYear> stored(int year) {
        List<CalendarYear> rows = jdbc.query("SELECT year, holidays, workdays FROM calendar_year WHERE year = ?",
                (rs, n) -> new CalendarYear(rs.getInt("year"), dates(rs, "holidays"), dates(rs, "workdays")), year);
        return rows.stream().findFirst();
    }

    private static TreeSet<LocalDate> dates(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (array != null) {
            Arrays.stream((Date[]) array.getArray()).map(Date::toLocalDate).forEach(dates::add);
        }
        return dates;
    }
}
