package org.letterdesk.app;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreSchemaTest extends ApiTestSupport {

    @Test
    void payloadAndMetaDataAreJsonReadableInSql() {
        int year = freshYear();
        String letterId = post("clerk", "/api/letters", letter(year + "-04-01T09:00:00+08:00")).body()
                .get("letterId").asString();

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT payload_type, payload->>'serialNo' AS serial, payload->'sender'->>'name' AS sender,
                       jsonb_typeof(payload) AS kind, meta_data->>'user' AS acting_user
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", letterId);
        assertThat(row.get("payload_type")).isEqualTo("org.letterdesk.events.LetterReceived");
        assertThat(row.get("serial")).isEqualTo(year + "-000001");
        assertThat(row.get("sender")).isEqualTo("张三");
        assertThat(row.get("kind")).isEqualTo("object");
        assertThat(row.get("acting_user")).isEqualTo("clerk");
    }

    @Test
    void noColumnAnywhereIsALargeObject() {
        List<String> oidColumns = jdbc.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND udt_name = 'oid'""", String.class);
        assertThat(oidColumns).isEmpty();
        assertThat(jdbc.queryForObject("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'payload'""", String.class))
                .isEqualTo("jsonb");
    }

    @Test
    void globalIndexIsNumberedWithoutAllocationJumps() {
        long before = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                Long.class);
        // Received just now, so that no deadline of these letters fires meanwhile: a letter received in the past
        // has both its misses fire at once, one of them loses the race for the letter's next sequence number, and
        // its rolled-back insert leaves a hole in the identity numbers, as any rolled-back insert does.
        String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).withNano(0).toString();
        post("clerk", "/api/letters", letter(now));
        post("clerk", "/api/letters", letter(now));
        List<Long> indexes = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE global_index > ? ORDER BY global_index",
                Long.class, before);
        assertThat(indexes).hasSizeGreaterThanOrEqualTo(6);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i) - indexes.get(i - 1)).as("step between global indexes").isEqualTo(1);
        }
        // Numbered by one sequence for all partitions, one number at a time (no allocation in steps of 50).
        assertThat(jdbc.queryForObject("""
                SELECT column_default FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'global_index'""", String.class))
                .isEqualTo("nextval('event_global_index_seq'::regclass)");
        assertThat(jdbc.queryForList("""
                SELECT increment_by || '/' || cache_size FROM pg_sequences
                WHERE sequencename = 'event_global_index_seq'""", String.class)).containsExactly("1/1");
    }

    @Test
    void theProcessorsKeepTheirTokensInTheSameDatabase() {
        awaitUntil(() -> jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'letters'", Integer.class) > 0);
    }
}
