package org.letterdesk.query.quality;

import org.letterdesk.events.SupervisionReason;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts a month's supervision items per department (the letter's, as every letter fact): each of opening, raising
 * to the director and resolving counts in the month it happened, independently of the others.
 */
@Component
class SupervisionFacts {

    private static final String OPENED = """
            SELECT coalesce(f.department, 'UNASSIGNED') AS department, s.reason, count(*) AS opened
            FROM quality_supervision s LEFT JOIN quality_letter_fact f ON f.letter_id = s.letter_id
            WHERE s.opened_at >= :start AND s.opened_at < :end
            GROUP BY 1, 2""";

    private static final String RAISED_AND_RESOLVED = """
            SELECT coalesce(f.department, 'UNASSIGNED') AS department,
                   count(*) FILTER (WHERE s.raised_at >= :start AND s.raised_at < :end) AS raised,
                   count(*) FILTER (WHERE s.resolved_at >= :start AND s.resolved_at < :end) AS resolved
            FROM quality_supervision s LEFT JOIN quality_letter_fact f ON f.letter_id = s.letter_id
            WHERE s.raised_at >= :start AND s.raised_at < :end OR s.resolved_at >= :start AND s.resolved_at < :end
            GROUP BY 1""";

    private final NamedParameterJdbcTemplate jdbc;

    SupervisionFacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, SupervisionCounts> countsByDepartment(AnalysisMonth month) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("start", month.start().atOffset(ZoneOffset.UTC))
                .addValue("end", month.end().atOffset(ZoneOffset.UTC));
        Map<String, SupervisionCounts> counts = new HashMap<>();
        jdbc.query(OPENED, params, rs -> {
            counts.merge(rs.getString("department"), SupervisionCounts.opened(
                    SupervisionReason.valueOf(rs.getString("reason")), rs.getLong("opened")), SupervisionCounts::plus);
        });
        jdbc.query(RAISED_AND_RESOLVED, params, rs -> {
            counts.merge(rs.getString("department"), SupervisionCounts.raisedAndResolved(rs.getLong("raised"),
                    rs.getLong("resolved")), SupervisionCounts::plus);
        });
        return counts;
    }
}
