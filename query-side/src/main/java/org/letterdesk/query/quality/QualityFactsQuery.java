package org.letterdesk.query.quality;

import org.letterdesk.events.CorrectionCause;
import org.letterdesk.events.FoundBy;
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
 * Counts a month's facts per department with SQL aggregates over the quality tables. Each fact falls into the
 * month by its own timestamp; letters never assigned count under {@value #UNASSIGNED}. The letters' figures and the
 * month's activity are two independent reads, which the analysis runs side by side in one snapshot.
 */
@Component
class QualityFactsQuery {

    static final String UNASSIGNED = "UNASSIGNED";

    // Each figure counts the rows whose own timestamp falls in the month, read by an index-only scan of that
    // timestamp's index, which carries the columns the figure needs (migration V87). One scan with the four ranges
    // OR-ed read the month's rows from the table, or the whole of it (docs/benchmarks.md).
    private static final String LETTERS = """
            SELECT coalesce(department, 'UNASSIGNED') AS department, sum(received) AS received,
                   sum(replied) AS replied, sum(handling_seconds) AS handling_seconds,
                   sum(first_responses_due) AS first_responses_due,
                   sum(first_responses_on_time) AS first_responses_on_time,
                   sum(replies_due) AS replies_due, sum(replies_on_time) AS replies_on_time
            FROM (SELECT department, count(*) AS received, 0 AS replied, 0::numeric AS handling_seconds,
                         0 AS first_responses_due, 0 AS first_responses_on_time, 0 AS replies_due,
                         0 AS replies_on_time
                  FROM quality_letter_fact
                  WHERE received_at >= :start AND received_at < :end
                  GROUP BY department
                  UNION ALL
                  SELECT department, 0, count(*), sum(extract(epoch FROM replied_at - received_at))::numeric,
                         0, 0, 0, 0
                  FROM quality_letter_fact
                  WHERE replied_at >= :start AND replied_at < :end
                  GROUP BY department
                  UNION ALL
                  SELECT department, 0, 0, 0,
                         count(*) FILTER (WHERE first_response_met_at IS NOT NULL OR first_response_due <= :now),
                         count(*) FILTER (WHERE first_response_met_at <= first_response_due), 0, 0
                  FROM quality_letter_fact
                  WHERE first_response_due >= :start AND first_response_due < :end
                  GROUP BY department
                  UNION ALL
                  SELECT department, 0, 0, 0, 0, 0,
                         count(*) FILTER (WHERE replied_at IS NOT NULL OR reply_due <= :now),
                         count(*) FILTER (WHERE replied_at <= reply_due)
                  FROM quality_letter_fact
                  WHERE reply_due >= :start AND reply_due < :end
                  GROUP BY department) AS figures
            GROUP BY 1""";

    // A letter drafted twice in the month counts once, at its first draft of the month (the draft before it, if any,
    // is older than the month); it counts with findings at its first draft with findings of the month (migration
    // V88). Each draft row carries its letter's current department (V83). One index-only scan of the month's drafts,
    // no grouping by letter (which hashed the month's 60 000 letter ids on every analysis).
    private static final String DRAFTS = """
            SELECT coalesce(department, 'UNASSIGNED') AS department,
                   count(*) FILTER (WHERE previous_drafted_at IS NULL OR previous_drafted_at < :start) AS drafted,
                   count(*) FILTER (WHERE findings > 0
                                      AND (previous_findings_at IS NULL OR previous_findings_at < :start))
                       AS with_findings
            FROM quality_draft
            WHERE drafted_at >= :start AND drafted_at < :end
            GROUP BY 1""";

    // Corrections and disputes carry their letter's current department too (migration V86): no join to the letters.
    private static final String CORRECTIONS = """
            SELECT coalesce(department, 'UNASSIGNED') AS department, cause, found_by, count(*) AS issued
            FROM quality_correction
            WHERE issued_at >= :start AND issued_at < :end
            GROUP BY 1, 2, 3""";

    private static final String DISPUTES = """
            SELECT coalesce(department, 'UNASSIGNED') AS department,
                   count(*) FILTER (WHERE recorded_at >= :start AND recorded_at < :end) AS opened,
                   count(*) FILTER (WHERE resolved_at >= :start AND resolved_at < :end) AS resolved
            FROM quality_dispute
            WHERE recorded_at >= :start AND recorded_at < :end
               OR resolved_at >= :start AND resolved_at < :end
            GROUP BY 1""";

    private final NamedParameterJdbcTemplate jdbc;

    QualityFactsQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The letters' own figures of the month: received, replied, and deadlines due and met. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, QualityCounts> letterCounts(AnalysisMonth month, Instant now) {
        MapSqlParameterSource params = params(month).addValue("now", now.atOffset(ZoneOffset.UTC));
        Map<String, QualityCounts> counts = new HashMap<>();
        jdbc.query(LETTERS, params, rs -> {
            counts.merge(rs.getString("department"), QualityCounts.letters(rs.getLong("received"),
                    rs.getLong("replied"), rs.getBigDecimal("handling_seconds"), rs.getLong("first_responses_due"),
                    rs.getLong("first_responses_on_time"), rs.getLong("replies_due"),
                    rs.getLong("replies_on_time")), QualityCounts::plus);
        });
        return counts;
    }

    /** What was done to letters in the month: drafts checked, corrections issued, disputes opened and resolved. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, QualityCounts> activityCounts(AnalysisMonth month) {
        MapSqlParameterSource params = params(month);
        Map<String, QualityCounts> counts = new HashMap<>();
        jdbc.query(DRAFTS, params, rs -> {
            counts.merge(rs.getString("department"), QualityCounts.drafts(rs.getLong("drafted"),
                    rs.getLong("with_findings")), QualityCounts::plus);
        });
        jdbc.query(CORRECTIONS, params, rs -> {
            counts.merge(rs.getString("department"), QualityCounts.corrections(
                    CorrectionCause.valueOf(rs.getString("cause")), FoundBy.valueOf(rs.getString("found_by")),
                    rs.getLong("issued")), QualityCounts::plus);
        });
        jdbc.query(DISPUTES, params, rs -> {
            counts.merge(rs.getString("department"), QualityCounts.disputes(rs.getLong("opened"),
                    rs.getLong("resolved")), QualityCounts::plus);
        });
        return counts;
    }

    private static MapSqlParameterSource params(AnalysisMonth month) {
        return new MapSqlParameterSource()
                .addValue("start", month.start().atOffset(ZoneOffset.UTC))
                .addValue("end", month.end().atOffset(ZoneOffset.UTC));
    }
}
