package org.letterdesk.command.spotcheck;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.letterdesk.events.ReplySent;
import org.letterdesk.events.SpotCheckDrawn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the spot check needs to know of the letters: which were replied when (the population of a month's draw),
 * which months are drawn, and which month's sample a letter is in. Runs in a subscribing processor, inside the
 * transaction of the reply or the draw, so a draw right after a reply already counts it.
 */
@Component
@ProcessingGroup(SpotCheckLetters.GROUP)
public class SpotCheckLetters {

    static final String GROUP = "spot-check-letters";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    SpotCheckLetters(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** A letter counts in the month of its (first) reply, as in the monthly analysis. */
    @EventHandler
    void on(ReplySent e) {
        jdbc.update("INSERT INTO spot_check_candidate (letter_id, replied_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                e.letterId(), Timestamp.from(e.sentAt()));
    }

    @EventHandler
    void on(SpotCheckDrawn e) {
        jdbc.update("INSERT INTO spot_check_month (month, drawn_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                e.month(), Timestamp.from(e.drawnAt()));
        for (String letter : e.letters()) {
            jdbc.update("INSERT INTO spot_check_sample (letter_id, month) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    letter, e.month());
        }
    }

    /** The letters replied in the month (organisation's zone), the population of its draw. */
    public List<String> repliedIn(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return jdbc.queryForList("SELECT letter_id FROM spot_check_candidate WHERE replied_at >= ? AND replied_at < ?",
                String.class, Timestamp.from(start), Timestamp.from(end));
    }

    public boolean drawn(YearMonth month) {
        return !jdbc.queryForList("SELECT 1 FROM spot_check_month WHERE month = ?", Integer.class, month.toString())
                .isEmpty();
    }

    /** The month whose sample holds the letter, if any (a letter is replied, so sampled, in one month only). */
    Optional<String> sampledIn(String letterId) {
        return jdbc.queryForList("SELECT month FROM spot_check_sample WHERE letter_id = ?", String.class, letterId)
                .stream().findFirst();
    }

    /** Automatic draws are for months that ended after the spot check was installed, never for older ones. */
    Instant automaticFrom() {
        return jdbc.queryForObject("SELECT automatic_from FROM spot_check_schedule", Timestamp.class).toInstant();
    }
}
