package org.letterdesk.query.quality;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A calendar month in the organisation's zone: the half-open interval [first day 00:00, next month's 00:00). */
record AnalysisMonth(YearMonth month, ZoneId zone) {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    static AnalysisMonth parse(String text, ZoneId zone) {
        if (text == null || !FORMAT.matcher(text.strip()).matches()) {
            throw invalid("must be a month as YYYY-MM, e.g. 2026-11");
        }
        try {
            return new AnalysisMonth(YearMonth.parse(text.strip()), zone);
        } catch (DateTimeParseException e) {
            throw invalid("is not a month: " + text.strip());
        }
    }

    Instant start() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    private static LetterdeskProblem invalid(String message) {
        return new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "month " + message,
                Map.of("errors", List.of(Map.of("field", "month", "message", message))));
    }
}
