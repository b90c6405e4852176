package org.letterdesk.command.calendar;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.letterdesk.events.CalendarYearLoaded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;

/**
 * Keeps {@code calendar_year} in step with the loaded years. Runs in a subscribing processor, inside the
 * transaction of the load command, so a deadline computed right after a load already sees it.
 */
@Component
@ProcessingGroup("calendar")
class CalendarTableUpdater {

    private final JdbcTemplate jdbc;
    private final StoredCalendars calendars;

    CalendarTableUpdater(JdbcTemplate jdbc, StoredCalendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    @EventHandler
    void on(CalendarYearLoaded e, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO calendar_year (year, holidays, workdays, loaded_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
                        loaded_at = EXCLUDED.loaded_at""");
            ps.setInt(1, e.year());
            ps.setArray(2, con.createArrayOf("date", e.holidays().stream().map(Date::valueOf).toArray()));
            ps.setArray(3, con.createArrayOf("date", e.workdays().stream().map(Date::valueOf).toArray()));
            ps.setTimestamp(4, java.sql.Timestamp.from(at));
            return ps;
        });
        // Forget the cached year only once the load is committed, or a concurrent read could cache the old one.
        CurrentUnitOfWork.ifStarted(uow -> uow.afterCommit(u -> calendars.forget(e.year())));
    }
}
