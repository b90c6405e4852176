package org.letterdesk.app;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.quality.MutableClock;
import org.letterdesk.personaldata.PersonalDataMask;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crypto-shredding after retention: personal fields are stored encrypted under the sender's key; erasure is refused
 * while a letter is within retention, and afterwards the keys are gone, no table holds a clear value, every read
 * shows [已删除], the history is complete, a replay of the letters' events gives the stored views and a rebuild of
 * the read models gives the same tables. A reply's recipient is covered like the four sender fields. Letters are
 * registered and archived on a clock four years back, so their retention (3 years) has run out today. It runs in a
 * JVM of its own (surefire execution own-clock-tests): the rebuild needs the processors' claims, which the suite's
 * shared application would hold.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PersonalDataErasureTest extends ApiTestSupport {

    private static final MutableClock CLOCK = new MutableClock();
    private static final String ERASED = "[已删除]";

    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {
        @Bean
        @Primary
        Clock simulatedClock() {
            return CLOCK;
        }
    }

    @BeforeEach
    void simulateTime() {
        GenericEventMessage.clock = CLOCK;
    }

    @AfterAll
    static void realTime() {
        GenericEventMessage.clock = Clock.systemUTC();
        CLOCK.reset();
    }

    @Test
    void erasureIsRefusedWithinRetentionThenLeavesNoClearValueAndAnIdenticalReplay() {
        Instant past = Instant.now().minus(Duration.ofDays(4 * 366));
        CLOCK.set(past);
        String phone = SenderFileTest.phone();
        String email = "erase." + phone + "@shredding-proof.example";
        String address = "江苏省南京市鼓楼区粉碎验证街" + phone.substring(7) + "号";
        String id = SenderFileTest.idNumber();
        // A reply's recipient, typed by staff, is personal data of the sender too.
        String recipient = "reply." + Long.toString(System.nanoTime(), 36) + "@recipient-proof.example";
        List<String> clear = List.of(phone, email, address, id, recipient);
        String receivedAt = past.minus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(8)).withNano(0).toString();
        Map<String, Object> body = new LinkedHashMap<>(letter(receivedAt));
        body.put("sender", Map.of("name", "吴十", "phone", phone, "email", email, "address", address,
                "idNumber", id));
        JsonNode first = created(post("clerk", "/api/letters", body)).body();
        body.put("sender", Map.of("name", "吴十", "phone", phone));
        JsonNode second = created(post("clerk", "/api/letters", body)).body();
        String senderId = first.get("senderId").asString();
        assertThat(second.get("senderId").asString()).isEqualTo(senderId);
        List<String> letters = List.of(first.get("letterId").asString(), second.get("letterId").asString());

        // Stored encrypted from the start: no table holds a clear value, yet the recorded clear read has them.
        assertThat(clearValuesInDatabase(clear)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT payload::text FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0", String.class, letters.get(0))).contains("\"phone\": \"ENC1:" + senderId);
        JsonNode clearRead = ok(get("clerk", "/api/letters/" + letters.get(0) + "/sender?reason=回访")).body();
        assertThat(clearRead.at("/sender/phone").asString()).isEqualTo(phone);
        assertThat(clearRead.at("/sender/idNumber").asString()).isEqualTo(id);

        closeAndArchive(letters.get(0), recipient);
        CLOCK.reset();
        // The reply's recipient is stored under the sender's key too, and every ordinary read masks it.
        assertThat(clearValuesInDatabase(clear)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT payload::text FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type = 'org.letterdesk.events.ReplySent'", String.class, letters.get(0)))
                .contains("\"recipient\": \"ENC1:" + senderId);
        String maskedRecipient = PersonalDataMask.recipient(recipient);
        assertThat(maskedRecipient).isNotEqualTo(recipient).contains("***");
        awaitUntil(() -> maskedRecipient.equals(ok(get("clerk", "/api/letters/" + letters.get(0))).body()
                .at("/reply/recipient").asString()));
        // One letter archived four years ago, the other still open: refused, and nothing changes.
        long eventsBefore = eventCount(senderId);
        Reply refused = post("admin", "/api/senders/" + senderId + "/erasure", Map.of("reason", "保存期满"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("RETENTION_NOT_EXPIRED");
        assertThat(refused.body().get("retainedLetters").toString()).contains(letters.get(1))
                .doesNotContain(letters.get(0));
        assertThat(eventCount(senderId)).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForList("SELECT key_id FROM sender_key WHERE key_id = ?", String.class, senderId))
                .hasSize(1);
        assertThat(post("supervisor", "/api/senders/" + senderId + "/erasure", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(post("admin", "/api/senders/" + senderId + "/erasure", Map.of("reason", " ")).status())
                .isEqualTo(400);
        assertThat(post("admin", "/api/senders/" + java.util.UUID.randomUUID() + "/erasure",
                Map.of("reason", "x")).code()).isEqualTo("SENDER_NOT_FOUND");

        CLOCK.set(past.plus(Duration.ofHours(2)));
        closeAndArchive(letters.get(1), null);
        CLOCK.reset();
        List<String> keysBefore = jdbc.queryForList("SELECT key_id FROM sender_key WHERE key_id = ?", String.class,
                senderId);
        assertThat(keysBefore).containsExactly(senderId);
        int historyBefore = ok(get("auditor", "/api/letters/" + letters.get(0) + "/history")).body().size();

        JsonNode erased = ok(post("admin", "/api/senders/" + senderId + "/erasure", Map.of("reason", "保存期满")))
                .body();
        assertThat(erased.get("letters").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT key_id FROM sender_key WHERE key_id = ?", String.class, senderId))
                .isEmpty();
        List<String> leftOver = clearValuesInDatabase(clear);
        System.out.println("erasure SQL check: clear values left in the database: " + leftOver.size());
        assertThat(leftOver).isEmpty();

        JsonNode history = ok(get("auditor", "/api/letters/" + letters.get(0) + "/history")).body();
        assertThat(history).hasSize(historyBefore + 1);
        assertThat(history.get(0).at("/data/sender/phone").asString()).isEqualTo(ERASED);
        assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("PersonalDataErased");
        JsonNode view = awaitLetter("clerk", letters.get(0), history.get(history.size() - 1).get("sequence").asLong());
        assertThat(view.at("/sender/phone").asString()).isEqualTo(ERASED);
        assertThat(view.at("/sender/idNumber").asString()).isEqualTo(ERASED);
        assertThat(view.at("/sender/name").asString()).isEqualTo("吴十");
        assertThat(view.at("/reply/recipient").asString()).isEqualTo(ERASED);
        assertThat(history.valueStream().filter(e -> e.get("type").asString().equals("ReplySent")).toList())
                .singleElement().satisfies(e -> assertThat(e.at("/data/recipient").asString()).isEqualTo(ERASED));
        assertThat(ok(get("clerk", "/api/letters/" + letters.get(1) + "/sender?reason=核对")).body()
                .at("/sender/phone").asString()).isEqualTo(ERASED);
        awaitUntil(() -> ERASED.equals(ok(get("clerk", "/api/senders/" + senderId)).body().get("email").asString()));
        assertThat(ok(get("clerk", "/api/register?q=吴十")).body().toString()).contains(ERASED)
                .doesNotContain("****");
        // The same person writing again gets a new file: nothing can find the erased one.
        CLOCK.reset();
        body.put("receivedAt", Instant.now().atOffset(ZoneOffset.ofHours(8)).withNano(0).toString());
        assertThat(created(post("clerk", "/api/letters", body)).body().get("senderId").asString())
                .isNotEqualTo(senderId);

        awaitUntil(() -> ok(get("auditor", "/api/audit/personal-data-access?senderId=" + senderId)).body()
                .get("total").asInt() == 2);
        // Replaying the letters' events gives what the live projection wrote: the state folded from the event store
        // now equals the stored view, [已删除] included.
        String asOf = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .toString();
        for (String letterId : letters) {
            JsonNode stored = ok(get("auditor", "/api/letters/" + letterId)).body();
            JsonNode replayed = ok(get("auditor", "/api/letters/" + letterId + "/state?asOf=" + asOf)).body();
            System.out.println("erasure replay equality " + letterId + ": " + stored.equals(replayed));
            assertThat(replayed).isEqualTo(stored);
            assertThat(replayed.at("/sender/phone").asString()).isEqualTo(ERASED);
        }
        assertThat(clearValuesInDatabase(clear)).isEmpty();

        // The real rebuild (this test runs in a JVM of its own, so no other application holds the processors'
        // claims): every read-model table is the same, row for row, before and after, and still says [已删除].
        Map<String, List<String>> before = null;
        Map<String, List<String>> after = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            long head = awaitCaughtUp();
            before = RebuildTest.readModelTables(jdbc);
            assertThat(before.get("letter_view")).filteredOn(row -> row.contains(letters.get(0)))
                    .singleElement().asString().contains(ERASED).doesNotContain(maskedRecipient);
            assertThat(post("admin", "/api/admin/read-models/rebuild", null).status()).isEqualTo(202);
            long headAfter = awaitCaughtUp();
            after = RebuildTest.readModelTables(jdbc);
            JsonNode bulk = get("admin", "/api/admin/read-models/rebuild").body().get("lastBulkReplay");
            assertThat(bulk.hasNonNull("failure")).as(bulk.toString()).isFalse();
            assertThat(bulk.get("readUpTo").asLong()).isGreaterThanOrEqualTo(head);
            if (headAfter == head) {
                break; // nothing new happened in between (a deadline may fire meanwhile; then compare again)
            }
        }
        for (String table : before.keySet()) {
            System.out.printf("erasure rebuild equality %s: %d rows, md5 before %s after %s%n", table,
                    before.get(table).size(), md5(before.get(table)), md5(after.get(table)));
        }
        assertThat(after).isEqualTo(before);
        JsonNode rebuilt = ok(get("clerk", "/api/letters/" + letters.get(0))).body();
        assertThat(rebuilt.at("/sender/phone").asString()).isEqualTo(ERASED);
        assertThat(rebuilt.at("/reply/recipient").asString()).isEqualTo(ERASED);
        assertThat(ok(get("clerk", "/api/senders/" + senderId)).body().get("email").asString()).isEqualTo(ERASED);
        assertThat(clearValuesInDatabase(clear)).isEmpty();
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

    private static String md5(List<String> rows) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("MD5");
            rows.forEach(row -> digest.update((row + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes and archives the letter; its reply goes by e-mail to {@code recipient}, or by phone when null. */
    private void closeAndArchive(String letterId, String recipient) {
        String base = "/api/letters/" + letterId;
        ok(post("clerk", base + "/assignment", Map.of("department", "BUSINESS", "assignee", "handler")));
        ok(post("handler", base + "/drafts", Map.of("summary", "关于您的来信", "points", List.of("已处理"))));
        JsonNode reviewed = ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision",
                "APPROVED"))).body();
        if (!"APPROVED".equals(reviewed.get("status").asString())) {
            ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        }
        JsonNode sent = ok(post("handler", base + "/reply", recipient == null ? Map.of("channel", "PHONE")
                : Map.of("channel", "EMAIL", "recipient", recipient))).body();
        if (!"CLOSED".equals(sent.get("status").asString())) {
            ok(post("handler", base + "/follow-up", Map.of("note", "满意", "satisfied", true)));
        }
        ok(post("archivist", base + "/archive", Map.of()));
    }

    /** The sender file's events and every erasure recorded on a letter (deadlines may fire on letters meanwhile). */
    private long eventCount(String senderId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "OR payload_type = 'org.letterdesk.events.PersonalDataErased'", Long.class, senderId);
    }

    /** Every table of the schema (the event store's partitions included), each row as text, searched for the values. */
    private List<String> clearValuesInDatabase(List<String> clear) {
        List<String> hits = new java.util.ArrayList<>();
        for (String table : jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""",
                String.class)) {
            for (String value : clear) {
                Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?",
                        Long.class, "%" + value + "%");
                if (rows != null && rows > 0) {
                    hits.add(table + " holds " + value);
                }
            }
        }
        return hits;
    }

}
