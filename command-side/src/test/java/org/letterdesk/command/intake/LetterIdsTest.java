package org.letterdesk.command.intake;

import org.junit.jupiter.api.Test;
import org.letterdesk.events.LetterIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registration's letter ids: version-7 UUIDs whose text sorts by registration time (the event store relies on it). */
class LetterIdsTest {

    @Test
    void anIdIsAVersion7UuidStampedWithTheRegistrationMillisecond() {
        Instant at = Instant.parse("2026-12-01T08:30:15.123Z");
        UUID id = LetterIds.next(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(id.toString()).startsWith(String.format("%08x-%04x", at.toEpochMilli() >>> 16,
                at.toEpochMilli() & 0xffff));
    }

    @Test
    void theTextOfIdsSortsByRegistrationTime() {
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 2_000; i++) {
            t = t.plusMillis(1 + random.nextInt(5_000_000));
            ids.add(LetterIds.next(t, random).toString());
        }
        assertThat(ids).isSorted();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    @Test
    void twoIdsOfTheSameMillisecondDiffer() {
        Instant at = Instant.now();
        assertThat(LetterIds.next(at)).isNotEqualTo(LetterIds.next(at));
    }

    @Test
    void instantsOutsideTheVersion7RangeAreRefused() {
        assertThatThrownBy(() -> LetterIds.next(Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
