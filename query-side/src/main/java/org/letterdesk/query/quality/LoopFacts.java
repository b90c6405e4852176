package org.letterdesk.query.quality;

import org.letterdesk.events.Satisfaction;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts a month's quality-loop facts per department: commitments (by the commitment's own department) from the
 * commitment list, satisfaction (by the letter's department) from the quality letter facts, the spot check (by the
 * sampled letter's department) from the spot-check read model.
 */
@Component
class LoopFacts {

    // A commitment is decided once fulfilled or once due: like the reply deadline, judged in the month it falls due.
    private static final String COMMITMENTS = """
            SELECT department,
                   count(*) FILTER (WHERE opened_at >= :start AND opened_at < :end) AS made,
                   count(*) FILTER (WHERE due >= :start AND due < :end
                                    AND (fulfilled_at IS NOT NULL OR due <= :now)) AS due,
                   count(*) FILTER (WHERE due >= :start AND due < :end AND fulfilled_at <= due) AS on_time,
                   count(*) FILTER (WHERE due >= :start AND due < :end AND due <= :now
                                    AND (fulfilled_at IS NULL OR fulfilled_at > due)) AS missed
            FROM commitment_entry
            WHERE opened_at >= :start AND opened_at < :end OR due >= :start AND due < :end
            GROUP BY 1""";

    private static final String SATISFACTION = """
            SELECT coalesce(department, 'UNASSIGNED') AS department, satisfaction, count(*) AS rated
            FROM quality_letter_fact
            WHERE followed_up_at >= :start AND followed_up_at < :end AND satisfaction IS NOT NULL
            GROUP BY 1, 2""";

    // The month's spot check samples the letters replied in the month; each counts under its letter's department.
    private static final String SPOT_CHECK = """
            SELECT coalesce(f.department, 'UNASSIGNED') AS department, count(*) AS drawn,
                   count(l.result) AS checked, count(*) FILTER (WHERE l.result = 'ERROR') AS errors
            FROM spot_check_letter l LEFT JOIN quality_letter_fact f ON f.letter_id = l.letter_id
            WHERE l.month = :month
            GROUP BY 1""";

    private final NamedParameterJdbcTemplate jdbc;

    LoopFacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, LoopCounts> countsByDepartment(AnalysisMonth month, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("start", month.start().atOffset(ZoneOffset.UTC))
                .addValue("end", month.end().atOffset(ZoneOffset.UTC))
                .addValue("now", now.atOffset(ZoneOffset.UTC))
                .addValue("month", month.month().toString());
        Map<String, LoopCounts> counts = new HashMap<>();
        jdbc.query(COMMITMENTS, params, rs -> {
            counts.merge(rs.getString("department"), LoopCounts.commitments(rs.getLong("made"), rs.getLong("due"),
                    rs.getLong("on_time"), rs.getLong("missed")), LoopCounts::plus);
        });
        jdbc.query(SATISFACTION, params, rs -> {
            counts.merge(rs.getString("department"), LoopCounts.satisfaction(
                    Satisfaction.valueOf(rs.getString("satisfaction")), rs.getLong("rated")), LoopCounts::plus);
        });
        jdbc.query(SPOT_CHECK, params, rs -> {
            counts.merge(rs.getString("department"), LoopCounts.spotCheck(rs.getLong("drawn"), rs.getLong("checked"),
                    rs.getLong("errors")), LoopCounts::plus);
        });
        return counts;
    }
}
