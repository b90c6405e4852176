package org.letterdesk.query.rebuild;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk replay's time-stamp parser reads what Axon writes exactly as Axon's own parser does. */
class EventStoreScanTimestampTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            // Whole seconds, milli-, micro- and nanosecond fractions, from 1970 to 2100.
            long second = (long) (random.nextDouble() * 4_102_444_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String written = DateTimeUtils.formatInstant(Instant.ofEpochSecond(second, nanos));
            assertThat(EventStoreScan.parseTimestamp(written)).as(written)
                    .isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @Test
    void leavesOtherFormsToAxonsParser() {
        for (String text : List.of("2026-12-01T15:20:33Z", "2026-12-01T15:20:33.1Z", "2026-12-01T15:20:33.123456789Z",
                "2026-12-01T23:20:33.123+08:00", "2024-02-29T00:00:00.000Z")) {
            assertThat(EventStoreScan.parseTimestamp(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @Test
    void refusesWhatAxonsParserRefuses() {
        for (String text : List.of("2026-02-30T10:00:00.000Z", "2026-1a-01T10:00:00.000Z")) {
            assertThatThrownBy(() -> EventStoreScan.parseTimestamp(text)).as(text).isInstanceOf(RuntimeException.class);
        }
    }
}
