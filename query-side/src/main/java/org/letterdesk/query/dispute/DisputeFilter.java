package org.letterdesk.query.dispute;

import org.letterdesk.query.QueryParameters;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The record book's filters, on when a dispute was recorded. {@code from}/{@code to} take a date (a whole day in
 * the letter zone; {@code to} inclusive) or a date-time with offset, as the register's do.
 */
record DisputeFilter(DisputeStatus status, Instant from, Instant to) {

    static DisputeFilter parse(String status, String from, String to, ZoneId zone) {
        Instant fromInstant = QueryParameters.timeBound("from", from, zone, false);
        Instant toInstant = QueryParameters.timeBound("to", to, zone, true);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw QueryParameters.invalid("to", "Invalid range " + from + ".." + to, "must lie after from");
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
            throw QueryParameters.invalid("status", "Invalid status: " + value,
                    "must be one of " + Arrays.toString(DisputeStatus.values()));
        }
    }


}
