package org.letterdesk.command.intake;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final OffsetDateTime DEFAULT = ReceiptTime.earliest(ReceiptTime.DEFAULT_EARLIEST);

    @Test
    void byDefaultTheEarliestReceiptIsTheFirstMinuteOf2000InChina() {
        assertThat(DEFAULT.toInstant()).isEqualTo(Instant.parse("1999-12-31T16:00:00Z"));
    }

    @Test
    void aReceiptBeforeTheEarliestIsAFieldErrorNamingIt() {
        assertThat(ReceiptTime.errors(Instant.parse("1999-12-31T15:59:59Z"), NOW, DEFAULT)).containsExactly(
                Map.of("field", "receivedAt", "message", "must not be before 2000-01-01T00:00+08:00"));
        assertThat(ReceiptTime.errors(Instant.parse("0334-03-01T02:00:00Z"), NOW, DEFAULT)).hasSize(1);
        assertThat(ReceiptTime.errors(Instant.parse("1900-06-01T02:00:00Z"), NOW, DEFAULT)).hasSize(1);
    }

    @Test
    void theEarliestItselfAndAnyTimeUpToFiveMinutesAheadAreAccepted() {
        assertThat(ReceiptTime.errors(DEFAULT.toInstant(), NOW, DEFAULT)).isEmpty();
        assertThat(ReceiptTime.errors(NOW.plusSeconds(300), NOW, DEFAULT)).isEmpty();
    }

    @Test
    void aReceiptMoreThanFiveMinutesAheadIsStillAFieldError() {
        List<Map<String, String>> errors = ReceiptTime.errors(NOW.plusSeconds(301), NOW, DEFAULT);
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.get("field")).isEqualTo("receivedAt"));
    }

    @Test
    void theEarliestIsConfigurable() {
        OffsetDateTime configured = ReceiptTime.earliest(" 2010-07-01T00:00+08:00 ");
        assertThat(ReceiptTime.errors(Instant.parse("2005-01-01T00:00:00Z"), NOW, configured)).hasSize(1);
    }
}
