package org.letterdesk.query.spotcheck;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.events.SpotCheckResult;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/spot-checks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Spot checks", description = "The monthly internal spot check (内部抽查) of replied letters")
class SpotCheckQueryController {

    private final JdbcTemplate jdbc;

    SpotCheckQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/{month}")
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @Operation(summary = "The month's spot check (any staff role): the draw (seed, population) and each sampled "
            + "letter's result and linked correction; 404 SPOT_CHECK_NOT_FOUND if the month is not drawn")
    public SpotCheckView get(@Parameter(description = "YYYY-MM", example = "2026-11") @PathVariable String month) {
        String m = month(month);
        List<SpotCheckView.Letter> letters = jdbc.query("""
                SELECT letter_id, result, note, checked_by, checked_at, correction_no FROM spot_check_letter
                WHERE month = ? ORDER BY position""", (rs, i) -> new SpotCheckView.Letter(rs.getString("letter_id"),
                rs.getString("result") == null ? null : SpotCheckResult.valueOf(rs.getString("result")),
                rs.getString("note"), rs.getString("checked_by"), instant(rs.getTimestamp("checked_at")),
                (Integer) rs.getObject("correction_no")), m);
        int checked = (int) letters.stream().filter(l -> l.result() != null).count();
        int errors = (int) letters.stream().filter(l -> l.result() == SpotCheckResult.ERROR).count();
        List<SpotCheckView> views = jdbc.query("SELECT * FROM spot_check_view WHERE month = ?", (rs, i) ->
                new SpotCheckView(rs.getString("month"), rs.getLong("seed"), rs.getInt("sample_size"),
                        rs.getInt("candidates"), rs.getString("population_digest"), rs.getBoolean("automatic"),
                        rs.getString("drawn_by"), instant(rs.getTimestamp("drawn_at")),
                        rs.getTimestamp("completed_at") != null, instant(rs.getTimestamp("completed_at")), checked,
                        errors, letters), m);
        if (views.isEmpty()) {
            throw new LetterdeskProblem(ProblemCode.SPOT_CHECK_NOT_FOUND, "No spot check was drawn for " + m,
                    Map.of("month", m));
        }
        return views.get(0);
    }

    private static String month(String value) {
        try {
            return YearMonth.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "The month must be YYYY-MM",
                    Map.of("errors", List.of(Map.of("field", "month", "message", "must be a month YYYY-MM"))));
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
