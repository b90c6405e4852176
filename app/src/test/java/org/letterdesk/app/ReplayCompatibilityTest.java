package org.letterdesk.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.letterdesk.personaldata.PersonalDataMask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store written by an earlier version replays to the same read models with this one, and its letters load into
 * today's aggregate. The fixture (replay/v1-store.json) holds the events of 15 letters in every stage of the
 * procedure, as the code before the command side was split into capabilities wrote them, and the rows that code
 * built from them (scripts/replay-fixture/ writes it). Its letters were received in 2005, a register year no other
 * test uses.
 */
class ReplayCompatibilityTest extends ApiTestSupport {

    private static final List<String> TABLES = List.of("letter_view", "register_entry", "worklist_entry",
            "dispute_entry", "quality_letter_fact", "quality_draft", "quality_correction", "quality_dispute");
    private static final Map<String, String> ORDER = Map.of(
            "dispute_entry", "letter_id, dispute_no", "quality_draft", "letter_id, draft_no",
            "quality_correction", "letter_id, correction_no", "quality_dispute", "letter_id, dispute_no");

    private JsonNode fixture;
    private Map<String, Long> lastSequence;

    @BeforeEach
    void storeOfTheEarlierVersion() {
        ReplayFixture store = ReplayFixture.load(jdbc, json);
        fixture = store.document();
        lastSequence = store.lastSequence();
    }

    @Test
    void theEarlierStoreReplaysToTheSameReadModels() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                lastSequence.entrySet().stream().allMatch(letter -> {
                    List<Long> version = jdbc.queryForList("SELECT version FROM letter_view WHERE letter_id = ?",
                            Long.class, letter.getKey());
                    return !version.isEmpty() && version.get(0) >= letter.getValue();
                }));
        for (String table : TABLES) {
            JsonNode expected = sinceDraftPredecessors(table, sinceItemDepartments(table, sinceQualityLoop(table,
                    sinceSenderFiles(table, fixture.get("tables").get(table).deepCopy()),
                    fixture.get("tables").get("letter_view")), fixture.get("tables").get("letter_view")));
            JsonNode actual = withoutLaterEmptyColumns(rowsOf(table), expected);
            assertThat(actual).as(table).isEqualTo(expected);
        }
    }

    @Test
    void everyLetterOfTheEarlierStoreLoadsIntoTodaysAggregate() {
        // A stale If-Match is the first thing the letter checks: the answer names the version it loaded to.
        lastSequence.forEach((letterId, last) -> {
            Reply reply = post("clerk", "/api/letters/" + letterId + "/flags", Map.of("note", "重放"),
                    Map.of("If-Match", "\"" + (last - 1) + "\""));
            assertThat(reply.status()).as(letterId).isEqualTo(412);
            assertThat(reply.code()).isEqualTo("VERSION_CONFLICT");
            assertThat(reply.body().get("currentVersion").asLong()).as(letterId).isEqualTo(last);
        });
    }

    /**
     * The rows without the columns added after the fixture was dumped, as long as they are empty for its letters (a
     * later column holding a value for an earlier letter still fails the comparison).
     */
    private static JsonNode withoutLaterEmptyColumns(JsonNode actual, JsonNode expected) {
        if (!actual.isArray() || !expected.isArray() || actual.size() != expected.size()) {
            return actual;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (actual.get(i) instanceof tools.jackson.databind.node.ObjectNode row && expected.get(i).isObject()) {
                JsonNode known = expected.get(i);
                List<String> later = new java.util.ArrayList<>();
                row.propertyNames().forEach(name -> {
                    if (!known.has(name) && row.get(name).isNull()) {
                        later.add(name);
                    }
                });
                later.forEach(row::remove);
            }
        }
        return actual;
    }

    /**
     * The rows the earlier version built, with the intended changes since (docs/api-changes.md): the sender's
     * personal fields and a reply's recipient are masked wherever they were shown (issue 14), and the fields of sender
     * files (issue 14) and of the quality loop (issue 16) are there, empty for letters before them. Everything else
     * must be exactly as it was.
     */
    private static JsonNode sinceSenderFiles(String table, JsonNode rows) {
        for (JsonNode row : rows) {
            ObjectNode r = (ObjectNode) row;
            if (table.equals("letter_view")) {
                ObjectNode document = (ObjectNode) r.get("document");
                ObjectNode sender = (ObjectNode) document.get("sender");
                mask(sender, "phone", PersonalDataMask::phone);
                mask(sender, "email", PersonalDataMask::email);
                mask(sender, "address", PersonalDataMask::address);
                mask(sender, "idNumber", PersonalDataMask::idNumber);
                document.putNull("senderId");
                document.putNull("repeatCount");
                document.putNull("collective");
                // A reply's recipient is masked as well (it is usually the sender's e-mail or address).
                if (document.hasNonNull("reply")) {
                    mask((ObjectNode) document.get("reply"), "recipient", PersonalDataMask::recipient);
                }
                // Issue 16: commitments, supervision and satisfaction, empty for letters before them.
                document.putArray("commitments");
                document.putArray("supervisions");
                document.put("openCommitments", 0);
                document.put("supervisionLevel", 0);
                for (JsonNode draft : document.get("drafts")) {
                    ((ObjectNode) draft).putArray("commitments");
                    // Issue 17: a draft's content lists its attachments, none in drafts before them.
                    ((ObjectNode) draft.get("content")).putArray("attachments");
                }
                if (document.hasNonNull("followUp")) {
                    ((ObjectNode) document.get("followUp")).putNull("satisfaction");
                }
            } else if (table.equals("register_entry")) {
                String info = r.get("sender_info").asString();
                for (String part : info.split(" / ")) {
                    String masked = part.matches("[0-9+\\- ]{7,}") ? PersonalDataMask.phone(part)
                            : part.contains("@") ? PersonalDataMask.email(part)
                            : part.length() > 6 ? PersonalDataMask.address(part) : part;
                    info = info.replace(part, masked);
                }
                r.put("sender_info", info);
                r.putNull("sender_id");
                r.putNull("repeat_count");
                r.put("open_commitments", 0);
            }
        }
        return rows;
    }

    /**
     * The rest of issue 16's intended change (sinceSenderFiles covers the letter view and the register): the work
     * list's commitment and supervision columns, empty for these letters, and a recorded follow-up's time and
     * satisfaction in its quality fact.
     */
    private static JsonNode sinceQualityLoop(String table, JsonNode rows, JsonNode letterViews) {
        for (JsonNode row : rows) {
            ObjectNode r = (ObjectNode) row;
            if (table.equals("worklist_entry")) {
                r.put("open_commitments", 0);
                r.put("supervision_level", 0);
            } else if (table.equals("quality_letter_fact")) {
                r.putNull("satisfaction");
                r.putNull("followed_up_at");
                for (JsonNode view : letterViews) {
                    JsonNode followUp = view.get("document").get("followUp");
                    if (view.get("letter_id").equals(r.get("letter_id")) && followUp != null
                            && followUp.isObject()) {
                        r.put("followed_up_at", postgresUtc(followUp.get("at").asString()));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Migrations V83 and V86: a draft, correction and dispute row carries its letter's current department.
     */
    private static JsonNode sinceItemDepartments(String table, JsonNode rows, JsonNode letterViews) {
        if (!Set.of("quality_draft", "quality_correction", "quality_dispute").contains(table)) {
            return rows;
        }
        for (JsonNode row : rows) {
            ObjectNode r = (ObjectNode) row;
            r.putNull("department");
            for (JsonNode view : letterViews) {
                JsonNode department = view.get("document").get("department");
                if (view.get("letter_id").equals(r.get("letter_id")) && department != null && !department.isNull()) {
                    r.put("department", department.asString());
                }
            }
        }
        return rows;
    }

    /**
     * Migration V88: a draft row carries when its letter's draft before it was written and, if it had findings, when
     * its letter's draft with findings before it was written (drafts in the order written, the number breaking ties).
     */
    private static JsonNode sinceDraftPredecessors(String table, JsonNode rows) {
        if (!table.equals("quality_draft")) {
            return rows;
        }
        Map<String, List<ObjectNode>> byLetter = new java.util.LinkedHashMap<>();
        rows.forEach(row -> byLetter.computeIfAbsent(row.get("letter_id").asString(), k -> new java.util.ArrayList<>())
                .add((ObjectNode) row));
        java.util.Comparator<ObjectNode> written = java.util.Comparator
                .comparing((ObjectNode r) -> java.time.OffsetDateTime.parse(r.get("drafted_at").asString()).toInstant())
                .thenComparingInt(r -> r.get("draft_no").asInt());
        for (List<ObjectNode> drafts : byLetter.values()) {
            drafts.sort(written);
            JsonNode previous = null;
            JsonNode previousWithFindings = null;
            for (ObjectNode draft : drafts) {
                draft.set("previous_drafted_at", previous == null ? draft.nullNode() : previous);
                draft.set("previous_findings_at", draft.nullNode());
                if (draft.get("findings").asInt() > 0) {
                    if (previousWithFindings != null) {
                        draft.set("previous_findings_at", previousWithFindings);
                    }
                    previousWithFindings = draft.get("drafted_at");
                }
                previous = draft.get("drafted_at");
            }
        }
        return rows;
    }

    /** An instant as PostgreSQL's to_jsonb writes it in UTC: fraction without trailing zeros, offset +00:00. */
    private static String postgresUtc(String instant) {
        String text = java.time.Instant.parse(instant).toString();
        String base = text.substring(0, text.length() - 1);
        if (base.contains(".")) {
            base = base.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return base + "+00:00";
    }

    private static void mask(ObjectNode sender, String field, java.util.function.UnaryOperator<String> masking) {
        if (sender.hasNonNull(field)) {
            sender.put(field, masking.apply(sender.get(field).asString()));
        }
    }

    /** The table's rows of the fixture's letters, as the fixture's dump renders them (UTC times). */
    private JsonNode rowsOf(String table) {
        String select = table.equals("letter_view")
                ? "SELECT letter_id, version, document, updated_at FROM letter_view" : "SELECT * FROM " + table;
        String sql = "SELECT jsonb_agg(to_jsonb(t) ORDER BY " + ORDER.getOrDefault(table, "letter_id") + ")::text"
                + " FROM (" + select + ") t WHERE letter_id = ANY (?)";
        String text = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (var zone = connection.createStatement()) {
                zone.execute("SET TIME ZONE 'UTC'");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("varchar", lastSequence.keySet().toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                } finally {
                    try (var reset = connection.createStatement()) {
                        reset.execute("RESET TIME ZONE");
                    }
                }
            }
        });
        return text == null ? json.nullNode() : json.readTree(text);
    }
}
