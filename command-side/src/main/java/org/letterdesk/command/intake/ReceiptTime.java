package org.letterdesk.command.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A letter may be registered late, but not with a receipt time in the future beyond a small allowance for clocks
 * that differ. Checked with the request's other fields, so that a client gets every field error at once, and again
 * by the letter itself, whose check is the one that counts.
 */
public final class ReceiptTime {

    public static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(5);

    private ReceiptTime() {
    }

    /** The field error for a receipt time too far in the future, if it is. */
    public static Optional<Map<String, String>> futureError(Instant receivedAt, Instant now) {
        return receivedAt.isAfter(now.plus(FUTURE_ALLOWANCE))
                ? Optional.of(Map.of("field", "receivedAt",
                "message", "must not be more than " + FUTURE_ALLOWANCE.toMinutes() + " minutes in the future"))
                : Optional.empty();
    }
}
