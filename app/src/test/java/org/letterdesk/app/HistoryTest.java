package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors read a letter's events from the store and its state at any past instant. */
class HistoryTest extends ApiTestSupport {

    @Test
    void theStateAsOfAnInstantIsTheFoldOfTheEventsUpToIt() throws Exception {
        String id = post("clerk", "/api/letters", letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString())).body().get("letterId").asString();
        String base = "/api/letters/" + id;
        Instant afterRegistration = pause();
        post("clerk", base + "/assignment", Map.of("department", "BUSINESS"));
        Instant afterAssignment = pause();
        post("handler", base + "/drafts", Map.of("summary", "关于您的来信", "points", List.of("已处理")));
        Instant afterDraft = pause();

        JsonNode registered = get("auditor", base + "/state?asOf=" + afterRegistration).body();
        assertThat(registered.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(registered.get("department").isNull()).isTrue();
        JsonNode assigned = get("supervisor", base + "/state?asOf=" + afterAssignment).body();
        assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("department").asString()).isEqualTo("BUSINESS");
        assertThat(assigned.get("drafts")).isEmpty();
        JsonNode drafted = get("auditor", base + "/state?asOf=" + afterDraft).body();
        assertThat(drafted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(drafted.get("drafts")).hasSize(1);

        Reply before = get("auditor", base + "/state?asOf=2001-01-01T00:00:00Z");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.code()).isEqualTo("LETTER_NOT_FOUND");
    }

    @Test
    void historyIsForAuditorsAndSupervisorsOnly() {
        String id = post("clerk", "/api/letters", letter(freshYear() + "-01-05T09:00:00+08:00")).body()
                .get("letterId").asString();
        assertThat(get("handler", "/api/letters/" + id + "/history").status()).isEqualTo(403);
        assertThat(get("clerk", "/api/letters/" + id + "/state?asOf=2026-01-01T00:00:00Z").status())
                .isEqualTo(403);
        Reply history = get("supervisor", "/api/letters/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        // Received long ago: the scheduler adds DeadlineMissed events after these three.
        assertThat(history.body().findValuesAsString("type"))
                .startsWith("LetterReceived", "DeadlineSet", "DeadlineSet");
        List<Long> sequences = history.body().findValues("sequence").stream().map(JsonNode::asLong).toList();
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
        assertThat(get("auditor", "/api/letters/00000000-0000-4000-8000-000000000000/history").status())
                .isEqualTo(404);
        assertThat(get("auditor", "/api/letters/" + id + "/state?asOf=yesterday").code())
                .isEqualTo("VALIDATION_FAILED");
    }

    /** An instant strictly between two commands (event timestamps have millisecond precision). */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        return between;
    }
}
