package org.letterdesk.command.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A letter may be registered late, but not with a receipt time in the future beyond a small allowance for clocks
 * that differ, nor before the earliest receipt time the office accepts ({@code
 * letterdesk.intake.earliest-received-at}, by default {@value #DEFAULT_EARLIEST}: a year like 0334 or 1900 is a
 * typing error, and it would open a register year of its own). Checked with the request's other fields, so that a
 * client gets every field error at once; the future check again by the letter itself, whose check is the one that
 * counts.
 */
public final class ReceiptTime {

    public static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(5);
    public static final String DEFAULT_EARLIEST = "2000-01-01T00:00+08:00";

    private ReceiptTime() {
    }

    /** The configured earliest receipt time, as an RFC 3339 date-time with offset. */
    public static OffsetDateTime earliest(String configured) {
        return OffsetDateTime.parse(configured.strip());
    }

    /** Every field error of a receipt time: too far in the future, or before the earliest accepted. */
    public static List<Map<String, String>> errors(Instant receivedAt, Instant now, OffsetDateTime earliest) {
        List<Map<String, String>> errors = new ArrayList<>(1);
        futureError(receivedAt, now).ifPresent(errors::add);
        if (receivedAt.isBefore(earliest.toInstant())) {
            errors.add(Map.of("field", "receivedAt", "message", "must not be before " + earliest));
        }
        return errors;
    }

    /** The field error for a receipt time too far in the future, if it is. */
    public static Optional<Map<String, String>> futureError(Instant receivedAt, Instant now) {
        return receivedAt.isAfter(now.plus(FUTURE_ALLOWANCE))
                ? Optional.of(Map.of("field", "receivedAt",
                "message", "must not be more than " + FUTURE_ALLOWANCE.toMinutes() + " minutes in the future"))
                : Optional.empty();
    }
}
