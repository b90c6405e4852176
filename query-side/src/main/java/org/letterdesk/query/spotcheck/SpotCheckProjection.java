package org.letterdesk.query.spotcheck;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.events.SpotCheckCompleted;
import org.letterdesk.events.SpotCheckCorrectionLinked;
import org.letterdesk.events.SpotCheckDrawn;
import org.letterdesk.events.SpotCheckResultRecorded;
import org.letterdesk.procedure.EventMetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The spot checks (内部抽查): each month's draw and each sampled letter's result and linked correction. Every
 * handler writes what its event says whatever came before (a redelivered event changes nothing), so a replay
 * leaves the same tables.
 */
@Component
@ProcessingGroup(SpotCheckProjection.GROUP)
@AllowReplay
public class SpotCheckProjection {

    public static final String GROUP = "spot-checks";

    private final JdbcTemplate jdbc;

    SpotCheckProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SpotCheckDrawn e, @MetaDataValue(EventMetaData.USER) String user) {
        jdbc.update("""
                INSERT INTO spot_check_view (month, seed, sample_size, candidates, population_digest, automatic,
                                             drawn_by, drawn_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.month(), e.seed(), e.sampleSize(), e.candidates(), e.populationDigest(), e.automatic(), user,
                ts(e.drawnAt()));
        for (int i = 0; i < e.letters().size(); i++) {
            jdbc.update("INSERT INTO spot_check_letter (month, letter_id, position) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", e.month(), e.letters().get(i), i + 1);
        }
    }

    @EventHandler
    void on(SpotCheckResultRecorded e) {
        jdbc.update("UPDATE spot_check_letter SET result = ?, note = ?, checked_by = ?, checked_at = ? "
                + "WHERE month = ? AND letter_id = ?", e.result().name(), e.note(), e.recordedBy(),
                ts(e.recordedAt()), e.month(), e.letterId());
    }

    @EventHandler
    void on(SpotCheckCorrectionLinked e) {
        jdbc.update("UPDATE spot_check_letter SET correction_no = ? WHERE month = ? AND letter_id = ?",
                e.correctionNo(), e.month(), e.letterId());
    }

    @EventHandler
    void on(SpotCheckCompleted e) {
        jdbc.update("UPDATE spot_check_view SET completed_at = ? WHERE month = ?", ts(e.completedAt()), e.month());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM spot_check_letter");
        jdbc.update("DELETE FROM spot_check_view");
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
