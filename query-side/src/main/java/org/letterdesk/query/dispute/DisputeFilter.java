package org.letterdesk.query.dispute;

import jakarta.persistence.criteria.Predicate;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.data.jpa.domain.Specification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The record book's filters, on when a dispute was recorded. {@code from}/{@code to} take a date (a whole day in
 * the letter zone; {@code to} inclusive) or a date-time with offset, as the register's do.
 */
record DisputeFilter(DisputeStatus status, Instant from, Instant to) {

    static DisputeFilter parse(String status, String from, String to, ZoneId zone) {
        Instant fromInstant = instant("from", from, zone, false);
        Instant toInstant = instant("to", to, zone, true);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw invalid("to", "Invalid range " + from + ".." + to, "must lie after from");
        }
        return new DisputeFilter(status(status), fromInstant, toInstant);
    }

    Specification<DisputeEntry> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("recordedAt"), from));
            }
            if (to != null) {
                where.add(cb.lessThan(root.get("recordedAt"), to));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static DisputeStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DisputeStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("status", "Invalid status: " + value,
                    "must be one of " + Arrays.toString(DisputeStatus.values()));
        }
    }

    private static Instant instant(String field, String value, ZoneId zone, boolean endOfDay) {
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

    private static LetterdeskProblem invalid(String field, String detail, String message) {
        return new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, detail,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
