package org.letterdesk.query;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Parsing shared by the query filters, with the contract's field errors. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * A {@code from}/{@code to} bound: a date means a whole day in the letter zone (as an upper bound, up to the
     * end of that day), a date-time with offset means that instant. Blank means no bound.
     */
    public static Instant timeBound(String field, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "Invalid " + field + ": " + value,
                    "must be a date (2026-11-01) or a date-time with offset");
        }
    }

    public static LetterdeskProblem invalid(String field, String detail, String message) {
        return new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, detail,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
