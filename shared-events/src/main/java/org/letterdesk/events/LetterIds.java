package org.letterdesk.events;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Letter identifiers are time-ordered UUIDs (RFC 9562, version 7): the first 48 bits are the millisecond the letter
 * was registered, the rest random. Their text sorts by registration time, which is how the event store keeps each
 * letter's events in the partition of its registration month (docs/decisions/0003-event-store-partitions.md).
 * Identifiers of letters registered before this scheme are random (version 4) UUIDs and stay valid.
 */
public final class LetterIds {

    private static final Random RANDOM = new SecureRandom();

    private LetterIds() {
    }

    /** A new identifier for a letter registered at {@code registeredAt}. */
    public static UUID next(Instant registeredAt) {
        return next(registeredAt, RANDOM);
    }

    /** As {@link #next(Instant)}, with the random bits from {@code random} (reproducible streams in benchmarks). */
    public static UUID next(Instant registeredAt, Random random) {
        long millis = registeredAt.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("no version-7 time stamp for " + registeredAt);
        }
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
