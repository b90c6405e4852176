package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The work list over HTTP: open letters by next due time, with at-risk and overdue, per department and assignee. */
class WorklistTest extends ApiTestSupport {

    private static final Map<String, Object> DRAFT = Map.of(
            "summary", "关于您反映的会员积分未按时到账的问题，经核查，现答复如下：",
            "points", List.of("您三月份的消费积分因系统升级延迟入账，已补发至您的账户。"));

    @Test
    void openLettersComeByNextDueThenUrgencyWithTheirFlagsAndClosedOnesLeave() {
        // Assignees of this run only, so the assignee filter gives exact lists in a shared database.
        String ann = "ann-" + System.nanoTime();
        String bob = "bob-" + System.nanoTime();

        // Urgent, received 23 h ago: its first response (1 h) is missed, its reply (24 h) is approaching.
        String late = register(23 * 60, true);
        assign(late, "CUSTOMER_SERVICE", ann);
        String regular = register(60, false);
        assign(regular, "BUSINESS", bob);
        String fresh = register(10, true); // first response due in 50 minutes
        assign(fresh, "BUSINESS", ann);
        // Replied letters with a correction awaiting sign-off: still work, but nothing has a due time.
        String correctedRegular = register(120, false);
        assign(correctedRegular, "CUSTOMER_SERVICE", ann);
        replyAndCorrect(correctedRegular);
        // Received minutes ago, so no deadline of it fires while the test replies to it.
        String correctedUrgent = register(10, true);
        assign(correctedUrgent, "CUSTOMER_SERVICE", bob);
        replyAndCorrect(correctedUrgent);
        String closing = register(120, false);
        assign(closing, "ADMINISTRATION", bob);
        long version = replyAndCorrect(closing);
        awaitLetter("clerk", closing, version);
        assertThat(ids(worklist("clerk", "?assignee=" + bob))).contains(closing);

        awaitUntil(() -> item(worklist("handler", "?assignee=" + ann), late).get("atRisk").asBoolean());

        // Sign-off closes the letter: it leaves the work list.
        version = ok(post("supervisor", "/api/letters/" + closing + "/corrections/1/sign-off",
                Map.of("note", "已核"))).body().get("version").asLong();
        awaitLetter("clerk", closing, version);
        assertThat(ids(worklist("clerk", "?assignee=" + bob))).doesNotContain(closing);

        List<JsonNode> annsWork = worklist("handler", "?assignee=" + ann);
        assertThat(ids(annsWork)).containsExactly(late, fresh, correctedRegular);
        List<JsonNode> bobsWork = worklist("handler", "?assignee=" + bob);
        assertThat(ids(bobsWork)).containsExactly(regular, correctedUrgent);
        assertThat(total("handler", "?assignee=" + ann)).isEqualTo(3);

        JsonNode lateItem = item(annsWork, late);
        assertThat(lateItem.get("urgent").asBoolean()).isTrue();
        assertThat(lateItem.get("nextDueKind").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(instant(lateItem, "nextDue")).isBefore(Instant.now());
        assertThat(lateItem.get("atRisk").asBoolean()).isTrue();
        assertThat(lateItem.get("overdue").asBoolean()).isTrue();
        assertThat(lateItem.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(lateItem.get("department").asString()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(lateItem.get("assignee").asString()).isEqualTo(ann);
        assertThat(lateItem.get("subject").asString()).isEqualTo("会员积分未到账");
        assertThat(lateItem.get("serialNo").asString()).matches("\\d{4}-\\d{6}");
        assertThat(awaitLetter("clerk", late, 0).at("/deadlines/FIRST_RESPONSE/state").asString())
                .isEqualTo("MISSED");

        JsonNode freshItem = item(annsWork, fresh);
        assertThat(freshItem.get("urgent").asBoolean()).isTrue();
        assertThat(freshItem.get("nextDueKind").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(instant(freshItem, "nextDue")).isAfter(Instant.now().plusSeconds(45 * 60));
        assertThat(freshItem.get("atRisk").asBoolean()).isFalse();
        assertThat(freshItem.get("overdue").asBoolean()).isFalse();

        JsonNode regularItem = item(bobsWork, regular);
        assertThat(regularItem.get("urgent").asBoolean()).isFalse();
        assertThat(regularItem.get("nextDueKind").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(instant(regularItem, "nextDue")).isAfter(instant(freshItem, "nextDue"));
        assertThat(regularItem.get("atRisk").asBoolean()).isFalse();
        assertThat(regularItem.get("overdue").asBoolean()).isFalse();

        JsonNode corrected = item(annsWork, correctedRegular);
        assertThat(corrected.get("status").asString()).isEqualTo("SENT");
        assertThat(corrected.get("nextDue").isNull()).isTrue();
        assertThat(corrected.get("nextDueKind").isNull()).isTrue();
        assertThat(corrected.get("openCorrections").asInt()).isEqualTo(1);
        assertThat(corrected.get("openDisputes").asInt()).isZero();
        assertThat(corrected.get("overdue").asBoolean()).isFalse();

        // A dispute reopens the closed letter: back on the list, due for its investigation.
        version = ok(post("clerk", "/api/letters/" + closing + "/disputes", Map.of("points", "补发积分数额",
                "senderView", "应补发500分", "organizationView", "应补发320分"))).body().get("version").asLong();
        awaitLetter("clerk", closing, version);
        bobsWork = worklist("handler", "?assignee=" + bob);
        assertThat(ids(bobsWork)).containsExactly(regular, closing, correctedUrgent);
        JsonNode disputed = item(bobsWork, closing);
        assertThat(disputed.get("status").asString()).isEqualTo("SENT");
        assertThat(disputed.get("nextDueKind").asString()).isEqualTo("DISPUTE_INVESTIGATION");
        assertThat(disputed.get("openDisputes").asInt()).isEqualTo(1);
        assertThat(disputed.get("openCorrections").asInt()).isZero();

        // Across assignees: the same order; with nothing due, urgent before regular despite the later number.
        List<String> all = ids(worklist("supervisor", "?size=500"));
        assertThat(all).containsSubsequence(late, fresh, regular, closing, correctedUrgent, correctedRegular);

        // Filters combine.
        assertThat(ids(worklist("reviewer", "?department=BUSINESS&assignee=" + ann))).containsExactly(fresh);
        assertThat(ids(worklist("reviewer", "?department=customer_service&assignee=" + ann)))
                .containsExactly(late, correctedRegular);
        List<JsonNode> business = worklist("auditor", "?department=BUSINESS&size=500");
        assertThat(ids(business)).contains(regular, fresh).doesNotContain(late, closing, correctedUrgent);
        business.forEach(i -> assertThat(i.get("department").asString()).isEqualTo("BUSINESS"));
    }

    @Test
    void anyStaffRoleMayReadTheWorklistAndBadParametersAreNamed() {
        for (String user : List.of("clerk", "handler", "reviewer", "supervisor", "director", "legal", "archivist",
                "auditor", "admin")) {
            assertThat(get(user, "/api/worklist?size=1").status()).as(user).isEqualTo(200);
        }
        Reply anonymous = get(null, "/api/worklist");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");

        for (String[] bad : List.of(new String[]{"?department=SALES", "department"},
                new String[]{"?size=501", "size"}, new String[]{"?size=0", "size"},
                new String[]{"?page=-1", "page"})) {
            Reply reply = get("clerk", "/api/worklist" + bad[0]);
            assertThat(reply.status()).as(bad[0]).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(reply.body().at("/errors/0/field").asString()).isEqualTo(bad[1]);
        }
    }

    /** Registers a letter received the given minutes ago. */
    private String register(int minutesAgo, boolean urgent) {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(minutesAgo).withNano(0)
                .toString();
        Map<String, Object> body = new HashMap<>(letter(receivedAt));
        if (urgent) {
            body.put("urgentReason", "涉及安全风险");
        }
        Reply created = post("clerk", "/api/letters", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("letterId").asString();
    }

    private void assign(String id, String department, String assignee) {
        ok(post("clerk", "/api/letters/" + id + "/assignment", Map.of("department", department,
                "assignee", assignee)));
    }

    /** Drafts, reviews and sends the reply, then issues a correction; returns the letter's version. */
    private long replyAndCorrect(String id) {
        String base = "/api/letters/" + id;
        ok(post("handler", base + "/drafts", DRAFT));
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        ok(post("handler", base + "/reply", Map.of("channel", "PHONE")));
        return ok(post("handler", base + "/corrections", Map.of("whatWasWrong", "积分数额有误",
                "correctedContent", "应补发积分为320分", "cause", "DATA_ERROR", "foundBy", "INTERNAL_SPOT_CHECK")))
                .body().get("version").asLong();
    }

    private List<JsonNode> worklist(String user, String query) {
        Reply reply = ok(get(user, "/api/worklist" + query));
        List<JsonNode> items = new ArrayList<>();
        reply.body().get("items").forEach(items::add);
        return items;
    }

    private long total(String user, String query) {
        return ok(get(user, "/api/worklist" + query)).body().get("total").asLong();
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("letterId").asString()).toList();
    }

    private static JsonNode item(List<JsonNode> items, String letterId) {
        return items.stream().filter(i -> i.get("letterId").asString().equals(letterId)).findFirst()
                .orElseThrow(() -> new AssertionError("letter " + letterId + " not on the work list"));
    }

    private static Instant instant(JsonNode item, String field) {
        return OffsetDateTime.parse(item.get(field).asString()).toInstant();
    }
}
