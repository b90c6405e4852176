package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import org.letterdesk.app.eventstore.EventStorePartitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.letterdesk.events.LetterIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event table's month partitions: where a letter's events go, and rewriting a month in letter order. */
class EventStorePartitionTest extends ApiTestSupport {

    @Autowired
    EventStorePartitions partitions;
    @Autowired
    PlatformTransactionManager transactions;

    private static final String ROWS_DIGEST = """
            SELECT md5(string_agg(concat_ws('|', global_index, event_identifier, aggregate_identifier, sequence_number,
                                            type, time_stamp, payload_type, payload_revision, payload::text,
                                            meta_data::text), E'\\n' ORDER BY global_index))
            FROM %s WHERE global_index <= %d""";

    @Test
    void aLettersIdIsTimeOrderedAndItsEventsLieInItsRegistrationMonthsPartition() {
        Instant before = Instant.now().minusSeconds(1);
        String id = register();
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        Instant stamped = Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
        assertThat(stamped).isBetween(before, Instant.now().plusSeconds(1));

        String month = "domain_event_entry_" + YearMonth.from(stamped.atOffset(ZoneOffset.UTC))
                .toString().replace("-", "m").replaceFirst("^", "y");
        assertThat(jdbc.queryForList("SELECT DISTINCT tableoid::regclass::text FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, id)).containsExactly(month);
    }

    @Test
    void theComingMonthsHavePartitionsAndAdminsAndAuditorsCanListThem() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        JsonNode listed = get("auditor", "/api/admin/event-store/partitions").body();
        List<String> months = listed.findValuesAsString("month");
        for (int i = -1; i <= 3; i++) {
            assertThat(months).contains(now.plusMonths(i).toString());
        }
        assertThat(get("clerk", "/api/admin/event-store/partitions").status()).isEqualTo(403);
    }

    @Test
    void rewritingAMonthInLetterOrderKeepsEveryRowAndEveryHistory() {
        // Letters whose events interleave, as in service: each command goes to the next letter in turn.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(register());
        }
        for (String id : ids) {
            post("clerk", "/api/letters/" + id + "/assignment", Map.of("department", "BUSINESS"));
        }
        for (String id : ids) {
            post("handler", "/api/letters/" + id + "/drafts", Map.of("summary", "关于您的来信", "points", List.of("已处理")));
        }
        YearMonth month = YearMonth.from(Instant.ofEpochMilli(UUID.fromString(ids.get(0))
                .getMostSignificantBits() >>> 16).atOffset(ZoneOffset.UTC));
        String partition = partitions.find(month).orElseThrow().name();
        // Events of other tests' letters (deadlines) may arrive meanwhile: the comparison is of the rows up to now.
        long upTo = jdbc.queryForObject("SELECT max(global_index) FROM " + partition, Long.class);
        String digestBefore = jdbc.queryForObject(ROWS_DIGEST.formatted(partition, upTo), String.class);
        long rowsBefore = jdbc.queryForObject("SELECT count(*) FROM " + partition, Long.class);
        String historyBefore = get("auditor", "/api/letters/" + ids.get(1) + "/history").text();

        Reply compacted = post("admin", "/api/admin/event-store/partitions/" + month + "/compaction", null);

        assertThat(compacted.status()).isEqualTo(200);
        assertThat(compacted.body().get("events").asLong()).isGreaterThanOrEqualTo(rowsBefore);
        assertThat(jdbc.queryForObject(ROWS_DIGEST.formatted(partition, upTo), String.class)).isEqualTo(digestBefore);
        assertThat(get("auditor", "/api/letters/" + ids.get(1) + "/history").text()).isEqualTo(historyBefore);
        List<String> physicalOrder = jdbc.queryForList(
                "SELECT aggregate_identifier || '/' || lpad(sequence_number::text, 6, '0') FROM " + partition
                        + " WHERE global_index <= ? ORDER BY ctid", String.class, upTo);
        assertThat(physicalOrder).isSortedAccordingTo(String::compareTo);
        assertThat(partitions.find(month).orElseThrow().compactedAt()).isNotNull();

        // The rewritten partition takes new events, and a letter's sequence numbers stay unique in it.
        assertThat(post("handler", "/api/letters/" + ids.get(2) + "/drafts",
                Map.of("summary", "补充答复", "points", List.of("已补充"))).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + partition, Long.class)).isGreaterThan(rowsBefore);
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, time_stamp,
                                                payload_type, payload) VALUES (?, ?, 0, 'x', 'x', '{}')""",
                UUID.randomUUID().toString(), ids.get(3))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void eventsOfAMonthWithoutAPartitionWaitInTheDefaultOneAndMoveInWhenItIsCreated() {
        YearMonth month = YearMonth.of(1971, 1).plusMonths(Math.floorMod(System.nanoTime(), 300L));
        while (partitions.find(month).isPresent()) {
            month = month.plusMonths(1);
        }
        YearMonth target = month;
        String id = LetterIds.next(month.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC)).toString();
        // Rolled back at the end: the rows are copies of a real letter's events under another id, which no processor
        // must ever see as a letter of its own.
        String source = register();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.update("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                    time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, ?, sequence_number, type, time_stamp, payload_type,
                           payload_revision, payload, meta_data
                    FROM domain_event_entry WHERE aggregate_identifier = ?""", id, source);
            int copied = jdbc.queryForObject(
                    "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
            assertThat(copied).isGreaterThanOrEqualTo(2);
            assertThat(partitionsOf(id)).containsExactly("domain_event_entry_other");

            assertThat(partitions.ensure(target, target)).hasSize(1);

            assertThat(partitionsOf(id)).containsExactly(partitions.find(target).orElseThrow().name());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, id)).isEqualTo(copied);
            assertThat(partitions.ensure(target, target)).isEmpty();
            tx.setRollbackOnly();
        });
        assertThat(partitions.find(target)).isEmpty();
    }

    @Test
    void aCompactionRequestNeedsAnAdminAndAMonthWithAPartition() {
        assertThat(post("clerk", "/api/admin/event-store/partitions/2026-01/compaction", null).status())
                .isEqualTo(403);
        Reply malformed = post("admin", "/api/admin/event-store/partitions/2026-13/compaction", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
        Reply unknown = post("admin", "/api/admin/event-store/partitions/1970-01/compaction", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    }

    private List<String> partitionsOf(String id) {
        return jdbc.queryForList("SELECT DISTINCT tableoid::regclass::text FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, id);
    }

    private String register() {
        String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5).withNano(0).toString();
        Reply reply = post("clerk", "/api/letters", letter(now));
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().get("letterId").asString();
    }
}
