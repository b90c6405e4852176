package org.letterdesk.query;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.time.ContractTime;

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
        Instant bound;
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                bound = date.atStartOfDay(zone).toInstant();
                requireWritable(field, bound, zone);
                return endOfDay ? date.plusDays(1).atStartOfDay(zone).toInstant() : bound;
            }
            bound = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "Invalid " + field + ": " + value,
                    "must be a date (2026-11-01) or a date-time with offset");
        }
        return requireWritable(field, bound, zone);
    }

    /**
     * A time given as a parameter must be one the contract can write: a four-digit year in the letter zone
     * ({@link ContractTime}). Beyond, PostgreSQL's timestamps end (year 294276, 4713 BC) and the query failed.
     */
    public static Instant requireWritable(String field, Instant time, ZoneId zone) {
        if (!ContractTime.writable(time, zone)) {
            throw invalid(field, "Invalid " + field + ": " + time, ContractTime.rangeMessage());
        }
        return time;
    }

    public static LetterdeskProblem invalid(String field, String detail, String message) {
        return new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, detail,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
