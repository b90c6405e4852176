package org.letterdesk.app;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store an earlier version left behind (replay/v1-store.json, written by scripts/replay-fixture/), put into
 * the event table once per database, as that version had appended it, with its register counter.
 *
 * @param document     the fixture: its events, serial counters and the rows that version built
 * @param lastSequence each letter's last sequence number, in the order of the letters' first events
 */
record ReplayFixture(JsonNode document, Map<String, Long> lastSequence) {

    static ReplayFixture load(JdbcTemplate jdbc, JsonMapper json) {
        JsonNode fixture;
        try (InputStream in = ReplayFixture.class.getResourceAsStream("/replay/v1-store.json")) {
            fixture = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> lastSequence = new LinkedHashMap<>();
        for (JsonNode event : fixture.get("events")) {
            lastSequence.merge(event.get("aggregateIdentifier").asString(), event.get("sequenceNumber").asLong(),
                    Math::max);
        }
        synchronized (ReplayFixture.class) {
            String first = lastSequence.keySet().iterator().next();
            Integer present = jdbc.queryForObject(
                    "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, first);
            if (present == 0) { // once per database: the events are permanent
                jdbc.batchUpdate("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""", rows(fixture.get("events")));
                for (JsonNode serial : fixture.get("serials")) {
                    jdbc.update("""
                            INSERT INTO register_serial (serial_year, last_no) VALUES (?, ?)
                            ON CONFLICT (serial_year) DO UPDATE SET last_no = GREATEST(register_serial.last_no,
                                EXCLUDED.last_no)""", serial.get("serial_year").asInt(),
                            serial.get("last_no").asLong());
                }
            }
        }
        return new ReplayFixture(fixture, lastSequence);
    }

    private static List<Object[]> rows(JsonNode events) {
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode e : events) {
            rows.add(new Object[] {e.get("eventIdentifier").asString(), e.get("aggregateIdentifier").asString(),
                    e.get("sequenceNumber").asLong(), e.get("type").asString(), e.get("timeStamp").asString(),
                    e.get("payloadType").asString(),
                    e.get("payloadRevision").isNull() ? null : e.get("payloadRevision").asString(),
                    e.get("payload").toString(), e.get("metaData").toString()});
        }
        return rows;
    }
}
