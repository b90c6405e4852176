package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times at the edges: a receipt time before the configured earliest one (the test profile sets 1950-01-01, as the
 * tests register in whole unused years before 2000; the default is 2000-01-01) and date-times no RFC 3339 text can
 * hold are refused naming the field; every time is written with a whole-minute offset, however old.
 */
class TimeBoundsTest extends ApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"0334-03-01T10:00:00+08:00", "1900-06-01T10:00:00+08:00", "1949-12-31T23:59:00+08:00",
            "1949-12-31T15:59:00Z"})
    void aReceiptTimeBeforeTheEarliestIsRefusedWithTheOtherFieldErrors(String receivedAt) {
        Map<String, Object> body = new HashMap<>(letter(receivedAt));
        body.remove("subject");
        Reply reply = post("clerk", "/api/letters", body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("receivedAt", "subject");
        assertThat(reply.text()).contains("1950-01-01T00:00+08:00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM register_serial WHERE serial_year IN (334, 1900, 1949)",
                Integer.class)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "9999-12-31T20:00:00Z",
            "2026-11-30T10:00:00+0800", "2026-11-30 10:00", "1700000000"})
    void aReceiptTimeThatIsNoRfc3339DateTimeIsRefusedNamingIt(String receivedAt) {
        Map<String, Object> body = new HashMap<>(letter("2026-11-30T10:00:00+08:00"));
        body.put("receivedAt", receivedAt.matches("\\d+") ? Long.parseLong(receivedAt) : receivedAt);
        Reply reply = post("clerk", "/api/letters", body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("receivedAt");
    }

    /** A delay expected in the year 10000 made every later read of the letter fail. */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void anExpectedCompletionThatIsNoRfc3339DateTimeIsRefusedNamingIt(String expectedCompletion) {
        Reply reply = post("handler", "/api/letters/" + UUID.randomUUID() + "/delay",
                Map.of("reason", "需要调取档案", "expectedCompletion", expectedCompletion));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("expectedCompletion");
    }

    @Test
    void timesBefore1901AreWrittenWithAWholeMinuteOffset() {
        // The mapper the HTTP layer writes every response with; Asia/Shanghai kept local mean time (+08:05:43)
        // until 1901.
        String written = json.writeValueAsString(Map.of("at", Instant.parse("1900-06-01T01:54:17Z")));

        assertThat(written).isEqualTo("{\"at\":\"1900-06-01T09:59:17+08:05\"}");
        String text = json.readTree(written).get("at").asString();
        assertThat(OffsetDateTime.parse(text).toInstant()).isEqualTo(Instant.parse("1900-06-01T01:54:17Z"));
    }

    @Test
    void registeredTimesComeBackAsRfc3339() {
        int year = freshYear();
        Reply created = post("clerk", "/api/letters", letter(year + "-01-02T09:30:00+08:00"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        List<String> times = List.of(created.body().at("/deadlines/firstResponseDue").asString(),
                created.body().at("/deadlines/replyDue").asString(),
                awaitLetter("supervisor", created.body().get("letterId").asString(), 2).get("receivedAt").asString());
        assertThat(times).allSatisfy(time -> assertThat(time)
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}"));
        assertThat(times.get(2)).isEqualTo(year + "-01-02T09:30:00+08:00");
    }
}
