package org.letterdesk.app.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.letterdesk.app.TampersWithTheEventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store's hash chain: every append is chained, and verification recomputed from the rows names the first
 * event edited, deleted or inserted in SQL behind the application's back. Each test puts the rows of the letters it
 * tampered with back as they were, so the store stays readable for the classes that run after it.
 */
@TampersWithTheEventStore
class HashChainTest extends ApiTestSupport {

    @Autowired
    HashChain hashChain;
    @Autowired
    ChainHeads heads;

    /** Each tampered letter's rows as they were before its first tampering, as JSON. */
    private final Map<String, List<String>> untampered = new LinkedHashMap<>();

    @Test
    void everyAppendedEventCarriesItsChainHashAndTheLetterVerifies() {
        String id = registeredAndAssigned();
        List<String> hashes = jdbc.queryForList("""
                SELECT meta_data ->> 'hash' FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number""", String.class, id);
        assertThat(hashes).hasSize(4).allMatch(hash -> hash != null && hash.matches("[0-9a-f]{64}"));
        assertThat(hashes).doesNotHaveDuplicates();

        JsonNode verdict = ok(get("auditor", "/api/audit/letters/" + id + "/verify")).body();
        assertThat(verdict.get("valid").asBoolean()).isTrue();
        assertThat(verdict.get("events").asLong()).isEqualTo(4);
        assertThat(verdict.get("firstBrokenSequence").isNull()).isTrue();
    }

    @Test
    void verificationIsForAuditorsAndNamesUnknownLetters() {
        String id = registeredAndAssigned();
        assertThat(get("supervisor", "/api/audit/letters/" + id + "/verify").status()).isEqualTo(403);
        assertThat(get("admin", "/api/audit/verify").status()).isEqualTo(403);
        assertThat(get(null, "/api/audit/verify").status()).isEqualTo(401);
        Reply unknown = get("auditor", "/api/audit/letters/00000000-0000-4000-8000-000000000000/verify");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("LETTER_NOT_FOUND");
    }

    @Test
    void anEditedPayloadIsNamed() {
        String id = registeredAndAssigned();
        tamper("""
                UPDATE domain_event_entry SET payload = jsonb_set(payload, '{subject}', '"已改"')
                WHERE aggregate_identifier = ? AND sequence_number = 0""", id);
        assertBroken(id, 0, "ALTERED");
    }

    @Test
    void anEditedActorInTheMetadataIsNamed() {
        String id = registeredAndAssigned();
        tamper("""
                UPDATE domain_event_entry SET meta_data = jsonb_set(meta_data, '{user}', '"someone-else"')
                WHERE aggregate_identifier = ? AND sequence_number = 3""", id);
        assertBroken(id, 3, "ALTERED");
    }

    @Test
    void anEditedTimeStampIsNamed() {
        String id = registeredAndAssigned();
        tamper("""
                UPDATE domain_event_entry SET time_stamp = '2000-01-01T00:00:00Z'
                WHERE aggregate_identifier = ? AND sequence_number = 2""", id);
        assertBroken(id, 2, "ALTERED");
    }

    @Test
    void aDeletedEventIsNamed() {
        String id = registeredAndAssigned();
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", id);
        assertBroken(id, 1, "REMOVED");
    }

    @Test
    void aDeletedEventWithTheFollowingOnesRenumberedIsNamed() {
        String id = registeredAndAssigned();
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", id);
        tamper("""
                UPDATE domain_event_entry SET sequence_number = sequence_number - 1
                WHERE aggregate_identifier = ? AND sequence_number > 1""", id);
        assertBroken(id, 1, "ALTERED");
    }

    @Test
    void anEventInsertedAtTheEndWithoutAHashIsNamed() {
        String id = registeredAndAssigned();
        insertCopy(id, 3, 4, "meta_data - 'hash'");
        assertBroken(id, 4, "INSERTED");
    }

    @Test
    void anEventInsertedWithACopiedHashIsNamed() {
        String id = registeredAndAssigned();
        insertCopy(id, 3, 4, "meta_data");
        assertBroken(id, 4, "ALTERED");
    }

    @Test
    void anEventInsertedInTheMiddleIsNamed() {
        String id = registeredAndAssigned();
        // Make room after sequence 1 (from the end, so the unique key holds at every step), then insert there.
        for (int sequence = 3; sequence >= 2; sequence--) {
            tamper("""
                    UPDATE domain_event_entry SET sequence_number = sequence_number + 1
                    WHERE aggregate_identifier = ? AND sequence_number = ?""", id, sequence);
        }
        insertCopy(id, 1, 2, "meta_data");
        assertBroken(id, 2, "ALTERED");
    }

    @Test
    void eventsStoredBeforeTheChainAreCoveredByACheckpointNotEdited() {
        String id;
        List<String> preChainRows;
        hashChain.stop();
        try {
            id = registeredAndAssigned();
            preChainRows = jdbc.queryForList("""
                    SELECT e::text FROM domain_event_entry e WHERE aggregate_identifier = ?
                    ORDER BY sequence_number""", String.class, id);
            assertThat(preChainRows).hasSize(4).noneMatch(row -> row.contains("\"hash\""));
        } finally {
            hashChain.start();
        }
        assertThat(jdbc.queryForList("""
                SELECT sequence_number FROM event_chain_checkpoint WHERE aggregate_identifier = ?""", Long.class, id))
                .containsExactly(3L);
        assertThat(jdbc.queryForList("""
                SELECT e::text FROM domain_event_entry e WHERE aggregate_identifier = ?
                ORDER BY sequence_number""", String.class, id)).isEqualTo(preChainRows);

        Reply draft = post("handler", "/api/letters/" + id + "/drafts",
                Map.of("summary", "关于您的来信", "points", List.of("已处理")));
        assertThat(draft.status()).as(draft.text()).isBetween(200, 201);
        List<String> chained = jdbc.queryForList("""
                SELECT meta_data ->> 'hash' FROM domain_event_entry WHERE aggregate_identifier = ?
                AND sequence_number >= 4 ORDER BY sequence_number""", String.class, id);
        assertThat(chained).isNotEmpty().allMatch(hash -> hash != null && hash.matches("[0-9a-f]{64}"));
        JsonNode verdict = ok(get("auditor", "/api/audit/letters/" + id + "/verify")).body();
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("events").asLong()).isEqualTo(4 + chained.size());

        tamper("""
                UPDATE domain_event_entry SET payload = jsonb_set(payload, '{subject}', '"已改"')
                WHERE aggregate_identifier = ? AND sequence_number = 0""", id);
        // The checkpoint keeps only the head: the first event it covers is named.
        assertBroken(id, 0, "ALTERED");
    }

    @Test
    void removingACheckpointedLastEventIsNamed() {
        String id;
        hashChain.stop();
        try {
            id = registeredAndAssigned();
        } finally {
            hashChain.start();
        }
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3", id);
        assertBroken(id, 3, "REMOVED");
    }

    @Test
    void theWholeStoreIsVerifiedInOneStreamNamingEachBrokenLetter() {
        String intact = registeredAndAssigned();
        String edited = registeredAndAssigned();
        String shortened = registeredAndAssigned();
        tamper("""
                UPDATE domain_event_entry SET payload = jsonb_set(payload, '{department}', '"ADMINISTRATION"')
                WHERE aggregate_identifier = ? AND sequence_number = 3""", edited);
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2",
                shortened);

        ResponseEntity<String> reply = http.get().uri("/api/audit/verify")
                .header(HttpHeaders.AUTHORIZATION, basic("auditor")).retrieve().toEntity(String.class);
        assertThat(reply.getStatusCode().value()).as(reply.getBody()).isEqualTo(200);
        assertThat(reply.getHeaders().getContentType()).hasToString("application/x-ndjson;charset=UTF-8");
        List<JsonNode> lines = Arrays.stream(reply.getBody().split("\n")).map(json::readTree).toList();
        assertThat(lines).anyMatch(line -> line.get("type").asString().equals("progress"));
        assertThat(lines).filteredOn(line -> line.path("aggregateId").asString().equals(edited))
                .singleElement().satisfies(line -> {
                    assertThat(line.get("type").asString()).isEqualTo("broken");
                    assertThat(line.get("firstBrokenSequence").asLong()).isEqualTo(3);
                    assertThat(line.get("reason").asString()).isEqualTo("ALTERED");
                });
        assertThat(lines).filteredOn(line -> line.path("aggregateId").asString().equals(shortened))
                .singleElement().satisfies(line -> {
                    assertThat(line.get("firstBrokenSequence").asLong()).isEqualTo(2);
                    assertThat(line.get("reason").asString()).isEqualTo("REMOVED");
                });
        assertThat(lines).noneMatch(line -> line.path("aggregateId").asString().equals(intact));
        JsonNode result = lines.get(lines.size() - 1);
        assertThat(result.get("type").asString()).isEqualTo("result");
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("brokenAggregates").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("events").asLong()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theSignedHeadsOutsideTheDatabaseShowEventsRemovedAtTheEndOfAStream() {
        String id = registeredAndAssigned();
        long tail = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id);
        // Heads leave out the last second's events (test setting of heads.settle).
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> heads.write().globalIndex() >= tail);
        ChainHeads.Comparison before = heads.compareWithLast();
        assertThat(before.signatureValid()).isTrue();
        assertThat(before.matches()).isTrue();

        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3", id);
        // No link shows a removed last event ...
        assertThat(ok(get("auditor", "/api/audit/letters/" + id + "/verify")).body().get("valid").asBoolean())
                .isTrue();
        // ... the heads do.
        ChainHeads.Comparison after = heads.compareWithLast();
        assertThat(after.signatureValid()).isTrue();
        assertThat(after.matches()).isFalse();
        assertThat(after.eventsNow()).isEqualTo(after.eventsThen() - 1);

        heads.write(); // a new baseline for the other tests
    }

    /** Runs a statement that changes the event rows of a letter named among its arguments, keeping them first. */
    private void tamper(String sql, Object... args) {
        for (Object arg : args) {
            if (arg instanceof String id && id.matches("[0-9a-f-]{36}")) {
                untampered.computeIfAbsent(id, letter -> jdbc.queryForList("""
                        SELECT to_jsonb(e)::text FROM domain_event_entry e WHERE aggregate_identifier = ?
                        ORDER BY sequence_number""", String.class, letter));
            }
        }
        jdbc.update(sql, args);
    }

    @AfterEach
    void putTamperedRowsBack() {
        untampered.forEach((id, rows) -> {
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", id);
            for (String row : rows) {
                jdbc.update("""
                        INSERT INTO domain_event_entry OVERRIDING SYSTEM VALUE
                        SELECT * FROM jsonb_populate_record(NULL::domain_event_entry, ?::jsonb)""", row);
            }
        });
        if (!untampered.isEmpty()) {
            heads.write(); // the signed heads' baseline again matches the store
        }
        untampered.clear();
    }

    private String registeredAndAssigned() {
        String id = created(post("clerk", "/api/letters", letter(OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusHours(1).withNano(0).toString()))).body().get("letterId").asString();
        ok(post("clerk", "/api/letters/" + id + "/assignment", Map.of("department", "BUSINESS")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).isEqualTo(4);
        return id;
    }

    private void insertCopy(String id, long from, long to, String metaData) {
        tamper("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT gen_random_uuid()::text, aggregate_identifier, ?, type, time_stamp, payload_type,
                       payload_revision, payload, %s
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?""".formatted(metaData),
                to, id, from);
    }

    private void assertBroken(String id, long sequence, String reason) {
        JsonNode verdict = ok(get("auditor", "/api/audit/letters/" + id + "/verify")).body();
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBrokenSequence").asLong()).as(verdict.toString()).isEqualTo(sequence);
        assertThat(verdict.get("reason").asString()).isEqualTo(reason);
    }
}
