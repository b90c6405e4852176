package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import org.letterdesk.query.letter.LetterWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Dropping the read models and replaying the event store gives the same tables, row for row. */
class RebuildTest extends ApiTestSupport {

    @Autowired
    private LetterWriter letterWriter;

    /** Tables that are not read models: the event store, tokens, scheduler, command-side state, Flyway. */
    private static final List<String> NOT_READ_MODELS = List.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "scheduled_tasks", "deadline_schedule", "register_serial", "idempotent_request", "calendar_year",
            "flyway_schema_history", "sender_match_key", "sender_letter", "sender_key", "personal_data_migration",
            "spot_check_candidate", "spot_check_month", "spot_check_sample", "spot_check_schedule");

    @Test
    void rebuildingTheReadModelsGivesIdenticalTables() {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0).toString();
        String id = created(post("clerk", "/api/letters", letter(receivedAt))).body().get("letterId").asString();
        // Other letters arrive before this letter's next event: in global order its events lie apart, and the
        // replay, which reads letter by letter, still folds them into one write.
        for (int i = 0; i < 6; i++) {
            created(post("clerk", "/api/letters", letter(receivedAt)));
        }
        String base = "/api/letters/" + id;
        ok(post("clerk", base + "/assignment", Map.of("department", "BUSINESS", "assignee", "handler")));
        ok(post("handler", base + "/drafts", Map.of("summary", "关于您的来信", "points", List.of("已处理"))));
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        ok(post("handler", base + "/reply", Map.of("channel", "PHONE")));
        ok(post("clerk", base + "/disputes", Map.of("points", "时限", "senderView", "太慢", "organizationView", "按时")));
        // The small read models too: sender files (opened, updated, merged, read in clear) and a closed month's
        // spot check (its sample empty: the letters were replied this month).
        int year = freshYear();
        String fileA = created(post("clerk", "/api/letters", SenderFileTest.letterFrom(year,
                Map.of("name", "吴十", "phone", SenderFileTest.phone())))).body().get("senderId").asString();
        JsonNode fromB = created(post("clerk", "/api/letters", SenderFileTest.letterFrom(year,
                Map.of("name", "吴十", "phone", SenderFileTest.phone())))).body();
        String fileB = fromB.get("senderId").asString();
        ok(exchange("clerk", "PUT", "/api/senders/" + fileA + "/contact",
                Map.of("phone", SenderFileTest.phone(), "verifiedBy", "PHONE"), Map.of()));
        ok(post("supervisor", "/api/senders/" + fileA + "/merge", Map.of("otherSenderId", fileB)));
        String letterB = "/api/letters/" + fromB.get("letterId").asString();
        ok(get("handler", letterB + "/sender?reason=回电核实"));
        ok(post("clerk", letterB + "/assignment", Map.of("department", "BUSINESS", "assignee", "handler")));
        ok(post("handler", letterB + "/drafts", Map.of("summary", "关于您的来信", "points", List.of("已处理"))));
        ok(post("reviewer", letterB + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", letterB + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        ok(post("handler", letterB + "/reply", Map.of("channel", "PHONE")));
        created(post("supervisor", "/api/spot-checks", Map.of("month", year + "-04", "sampleSize", 1)));

        Map<String, List<String>> before = null;
        Map<String, List<String>> after = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            long head = awaitCaughtUp();
            before = readModelTables();
            assertThat(before.get("letter_view")).isNotEmpty();
            assertThat(before.get("register_entry")).isNotEmpty();
            assertThat(before.get("sender_file_view")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(before.get("sender_file_letter")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(before.get("personal_data_access")).isNotEmpty();
            assertThat(before.get("spot_check_view")).isNotEmpty();

            Reply forbidden = post("handler", "/api/admin/read-models/rebuild", null);
            assertThat(forbidden.status()).isEqualTo(403);
            long started = System.nanoTime();
            Reply rebuild = post("admin", "/api/admin/read-models/rebuild", null);
            assertThat(rebuild.status()).isEqualTo(202);
            long headAfter = awaitCaughtUp();
            System.out.printf("Rebuild of %d events took %d ms%n", headAfter,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            after = readModelTables();
            // The tables were filled by the bulk replay, not by the processor falling back to a replay of its own.
            JsonNode bulk = get("admin", "/api/admin/read-models/rebuild").body().get("lastBulkReplay");
            assertThat(bulk.hasNonNull("failure")).as(bulk.toString()).isFalse();
            assertThat(bulk.get("readUpTo").asLong()).isGreaterThanOrEqualTo(head);
            // The sender files and spot checks came from one read of only their events, not a replay of everything.
            JsonNode selective = get("admin", "/api/admin/read-models/rebuild").body().get("lastSelectiveReplay");
            assertThat(selective.hasNonNull("failure")).as(selective.toString()).isFalse();
            assertThat(selective.get("readUpTo").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(selective.get("events").asLong()).isPositive().isLessThan(head / 2);
            if (headAfter == head) {
                // Nothing new happened in between (a deadline may fire meanwhile; then compare again), so every
                // letter in the tables came from the bulk replay, each written once.
                assertThat(bulk.get("letterWrites").asLong()).as("one write per letter")
                        .isEqualTo(after.get("letter_view").size());
                break;
            }
        }
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aPositionNotCommittedWhenTheReplayReadsIsStillLookedForAfterwards() {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0).toString();
        created(post("clerk", "/api/letters", letter(receivedAt)));
        awaitCaughtUp();
        // A position taken from the store's sequence and not committed yet, as by a transaction still running.
        long pending = jdbc.queryForObject("SELECT nextval('event_global_index_seq')", Long.class);
        created(post("clerk", "/api/letters", letter(receivedAt)));
        assertThat(post("admin", "/api/admin/read-models/rebuild", null).status()).isEqualTo(202);
        awaitCaughtUp();
        JsonNode bulk = get("admin", "/api/admin/read-models/rebuild").body().get("lastBulkReplay");
        assertThat(bulk.hasNonNull("failure")).as(bulk.toString()).isFalse();
        assertThat(bulk.get("readUpTo").asLong()).isGreaterThan(pending);
        JsonNode selective = get("admin", "/api/admin/read-models/rebuild").body().get("lastSelectiveReplay");
        assertThat(selective.hasNonNull("failure")).as(selective.toString()).isFalse();
        assertThat(selective.get("readUpTo").asLong()).isGreaterThan(pending);
        // Each processor went on from its replay's token, which kept the missing position among its gaps.
        List<String> tokens = jdbc.queryForList("""
                SELECT convert_from(token, 'UTF8') FROM token_entry
                WHERE processor_name IN ('letters', 'senders', 'spot-checks') AND token IS NOT NULL""", String.class);
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
        for (String token : tokens) {
            JsonNode node = json.readTree(token);
            JsonNode gaps = node.has("currentToken") ? node.get("currentToken").get("gaps") : node.get("gaps");
            assertThat(gaps).as(token).isNotNull();
            assertThat(gaps.valueStream().map(JsonNode::asLong).toList()).as(token).contains(pending);
        }
    }

    @Test
    void theReplaysStatisticsNameColumnsWhileTheTablesGrowAndIndexExpressionsAtTheEnd() {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0).toString();
        created(post("clerk", "/api/letters", letter(receivedAt)));
        awaitCaughtUp();
        String expressionStats = "SELECT count(*) FROM pg_stats WHERE tablename = 'register_entry_search_grams_idx'";
        String columnStats = "SELECT count(*) FROM pg_stats WHERE tablename = 'register_entry' AND attname = 'status'";
        // While the tables grow: every read-model table by its columns (a malformed list would fail here).
        letterWriter.analyze(false);
        assertThat(jdbc.queryForObject(columnStats, Integer.class)).isEqualTo(1);
        // At the end: the search's n-gram expression too.
        letterWriter.analyze(true);
        assertThat(jdbc.queryForObject(expressionStats, Integer.class)).isEqualTo(1);
    }

    private long awaitCaughtUp() {
        long[] head = new long[1];
        awaitUntil(() -> {
            Reply progress = get("admin", "/api/admin/read-models/rebuild");
            assertThat(progress.status()).as(progress.text()).isEqualTo(200);
            head[0] = progress.body().at("/processors/0/head").asLong();
            return progress.body().get("caughtUp").asBoolean();
        });
        return head[0];
    }

    /** Every read-model table, each row rendered as text, in a stable order. */
    private Map<String, List<String>> readModelTables() {
        return readModelTables(jdbc);
    }

    /** Every read-model table of the database, each row rendered as text, in a stable order. */
    static Map<String, List<String>> readModelTables(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""",
                String.class)) {
            if (!NOT_READ_MODELS.contains(table)) {
                tables.put(table, jdbc.queryForList(
                        "SELECT t::text FROM " + table + " t ORDER BY t::text", String.class));
            }
        }
        return tables;
    }
}
