package org.letterdesk.query.quality;

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
 * Counts a month's petition and referral-report facts per department (the letter's current one). Each petition
 * figure counts the step taken in the month; a referral report counts in the month it falls due, on time when its
 * last review level approved it by the due time, late when approved after it or still not done once it passed.
 */
@Component
class ProcedureFacts {

    private static final String COUNTS = """
            SELECT coalesce(department, 'UNASSIGNED') AS department,
                   count(*) FILTER (WHERE acceptance_decision = 'ACCEPTED'
                                    AND acceptance_decided_at >= :start AND acceptance_decided_at < :end) AS accepted,
                   count(*) FILTER (WHERE acceptance_decision = 'NOT_ACCEPTED'
                                    AND acceptance_decided_at >= :start AND acceptance_decided_at < :end)
                       AS not_accepted,
                   count(*) FILTER (WHERE extended_at >= :start AND extended_at < :end) AS extended,
                   count(*) FILTER (WHERE review_requested_at >= :start AND review_requested_at < :end) AS reviews,
                   count(*) FILTER (WHERE second_review_requested_at >= :start
                                    AND second_review_requested_at < :end) AS second_reviews,
                   count(*) FILTER (WHERE final_at >= :start AND final_at < :end) AS final,
                   count(*) FILTER (WHERE referral_report_due >= :start AND referral_report_due < :end)
                       AS reports_due,
                   count(*) FILTER (WHERE referral_report_due >= :start AND referral_report_due < :end
                                    AND referral_report_done_at <= referral_report_due) AS reports_on_time,
                   count(*) FILTER (WHERE referral_report_due >= :start AND referral_report_due < :end
                                    AND (referral_report_done_at > referral_report_due
                                         OR referral_report_done_at IS NULL AND referral_report_due <= :now))
                       AS reports_late
            FROM quality_procedure_fact
            GROUP BY 1""";

    private final NamedParameterJdbcTemplate jdbc;

    ProcedureFacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, ProcedureCounts> countsByDepartment(AnalysisMonth month, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("start", month.start().atOffset(ZoneOffset.UTC))
                .addValue("end", month.end().atOffset(ZoneOffset.UTC))
                .addValue("now", now.atOffset(ZoneOffset.UTC));
        Map<String, ProcedureCounts> counts = new HashMap<>();
        jdbc.query(COUNTS, params, rs -> {
            counts.put(rs.getString("department"), new ProcedureCounts(rs.getLong("accepted"),
                    rs.getLong("not_accepted"), rs.getLong("extended"), rs.getLong("reviews"),
                    rs.getLong("second_reviews"), rs.getLong("final"), rs.getLong("reports_due"),
                    rs.getLong("reports_on_time"), rs.getLong("reports_late")));
        });
        return counts;
    }
}
