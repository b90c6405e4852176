package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispute record book (争议处理记录簿) over HTTP: record, investigate, resolve, and read back. */
class DisputeBookTest extends ApiTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> STAFF = List.of("clerk", "handler", "handler2", "reviewer", "supervisor",
            "director", "legal", "archivist", "auditor", "admin", "lead", "chief");

    @Test
    void theBookShowsEachDisputeFromRecordToResolutionAndFiltersByStatusAndDate() {
        // Disputes are dated when recorded, not by the letter's receipt: this run's window isolates them.
        Instant start = Instant.now().minusSeconds(1);
        Letter a = register();
        Letter b = register();

        Reply a1 = ok(post("clerk", "/api/letters/" + a.id + "/disputes", Map.of("points", "补发积分的时间",
                "senderView", "应当立即补发", "organizationView", "按规程三个工作日内补发")));
        assertThat(a1.body().get("disputeNo").asInt()).isEqualTo(1);
        Reply b1 = ok(post("handler", "/api/letters/" + b.id + "/disputes", Map.of("points", "赔偿金额",
                "senderView", "应赔偿500元", "organizationView", "按合同赔偿200元")));
        assertThat(b1.body().get("disputeNo").asInt()).isEqualTo(1);
        Reply a2 = ok(post("handler", "/api/letters/" + a.id + "/disputes", Map.of("points", "积分有效期",
                "senderView", "应延长一年", "organizationView", "有效期按会员章程执行")));
        assertThat(a2.body().get("disputeNo").asInt()).isEqualTo(2);

        ok(post("handler", "/api/letters/" + a.id + "/disputes/1/investigation",
                Map.of("findings", "系统日志显示积分已于次日补发")));
        ok(post("supervisor", "/api/letters/" + a.id + "/disputes/1/resolution",
                Map.of("outcome", "协商未果，提交协调小组", "escalated", true)));
        Reply last = ok(post("handler", "/api/letters/" + a.id + "/disputes/2/investigation",
                Map.of("findings", "会员章程第5条规定有效期为一年")));
        awaitLetter("clerk", a.id, last.body().get("version").asLong());
        awaitLetter("clerk", b.id, b1.body().get("version").asLong());

        List<JsonNode> book = ours(ok(get("clerk", "/api/disputes?size=200&from=" + start)), a, b);
        assertThat(book).extracting(d -> d.get("number").asString())
                .containsExactly(a.serialNo + "-D1", b.serialNo + "-D1", a.serialNo + "-D2");

        JsonNode resolved = book.get(0);
        assertThat(resolved.get("letterId").asString()).isEqualTo(a.id);
        assertThat(resolved.get("serialNo").asString()).isEqualTo(a.serialNo);
        assertThat(resolved.get("disputeNo").asInt()).isEqualTo(1);
        assertThat(resolved.get("subject").asString()).isEqualTo("会员积分未到账");
        assertThat(resolved.get("department").asString()).isEqualTo("BUSINESS");
        assertThat(resolved.get("points").asString()).isEqualTo("补发积分的时间");
        assertThat(resolved.get("senderView").asString()).isEqualTo("应当立即补发");
        assertThat(resolved.get("organizationView").asString()).isEqualTo("按规程三个工作日内补发");
        assertThat(resolved.get("findings").asString()).isEqualTo("系统日志显示积分已于次日补发");
        assertThat(resolved.get("investigatedWithinDeadline").asBoolean()).isTrue();
        assertThat(resolved.get("outcome").asString()).isEqualTo("协商未果，提交协调小组");
        assertThat(resolved.get("escalated").asBoolean()).isTrue();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        Instant recordedAt = OffsetDateTime.parse(resolved.get("recordedAt").asString()).toInstant();
        assertThat(recordedAt).isAfterOrEqualTo(start);
        assertThat(OffsetDateTime.parse(resolved.get("investigationDue").asString()).toInstant())
                .isAfter(recordedAt.plusSeconds(72 * 3600 - 1)); // 3 working days at the least
        assertThat(OffsetDateTime.parse(resolved.get("investigatedAt").asString()).toInstant())
                .isAfterOrEqualTo(recordedAt);
        assertThat(OffsetDateTime.parse(resolved.get("resolvedAt").asString()).toInstant())
                .isAfterOrEqualTo(recordedAt);

        JsonNode open = book.get(1);
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("senderView").asString()).isEqualTo("应赔偿500元");
        assertThat(open.get("organizationView").asString()).isEqualTo("按合同赔偿200元");
        assertThat(open.get("investigationDue").isNull()).isFalse();
        assertThat(open.get("investigatedWithinDeadline").isNull()).isTrue();
        assertThat(open.get("escalated").isNull()).isTrue();
        assertThat(open.get("resolvedAt").isNull()).isTrue();

        JsonNode investigated = book.get(2);
        assertThat(investigated.get("status").asString()).isEqualTo("INVESTIGATED");
        assertThat(investigated.get("investigatedWithinDeadline").asBoolean()).isTrue();
        assertThat(investigated.get("escalated").isNull()).isTrue();

        assertThat(numbers(get("auditor", "/api/disputes?size=200&status=RESOLVED&from=" + start), a, b))
                .containsExactly(a.serialNo + "-D1");
        assertThat(numbers(get("auditor", "/api/disputes?size=200&status=OPEN&from=" + start), a, b))
                .containsExactly(b.serialNo + "-D1");
        assertThat(numbers(get("auditor", "/api/disputes?size=200&status=investigated&from=" + start), a, b))
                .containsExactly(a.serialNo + "-D2");
        Reply resolvedOnly = ok(get("auditor", "/api/disputes?size=200&status=RESOLVED&from=" + start));
        resolvedOnly.body().get("items").forEach(d -> assertThat(d.get("status").asString()).isEqualTo("RESOLVED"));

        // Dates are whole days in the organisation's zone, `to` inclusive.
        LocalDate firstDay = LocalDate.ofInstant(start, ZONE);
        LocalDate lastDay = LocalDate.now(ZONE);
        assertThat(numbers(get("clerk", "/api/disputes?size=200&from=" + firstDay + "&to=" + lastDay), a, b))
                .hasSize(3);
        assertThat(numbers(get("clerk", "/api/disputes?size=200&to=" + firstDay.minusDays(1)), a, b)).isEmpty();
        assertThat(numbers(get("clerk", "/api/disputes?size=200&from=" + Instant.now().plusSeconds(60)), a, b))
                .isEmpty();

        Reply firstPage = ok(get("clerk", "/api/disputes?size=1&page=0&from=" + start));
        assertThat(firstPage.body().get("items")).hasSize(1);
        assertThat(firstPage.body().get("page").asInt()).isZero();
        assertThat(firstPage.body().get("size").asInt()).isEqualTo(1);
        assertThat(firstPage.body().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(firstPage.body().at("/items/0/number").asString()).isEqualTo(a.serialNo + "-D1");
    }

    @Test
    void anyStaffRoleMayReadTheBookAndNobodyWithoutCredentials() {
        for (String user : STAFF) {
            assertThat(get(user, "/api/disputes").status()).as(user).isEqualTo(200);
        }
        Reply anonymous = get(null, "/api/disputes");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        Reply wrongPassword = exchange(null, "GET", "/api/disputes", null, Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("clerk:wrong".getBytes(StandardCharsets.UTF_8))));
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void badParametersAreValidationProblemsNamingTheField() {
        assertInvalid("/api/disputes?status=CLOSED", "status");
        assertInvalid("/api/disputes?from=yesterday", "from");
        assertInvalid("/api/disputes?to=2026-13-01", "to");
        assertInvalid("/api/disputes?from=2026-11-02&to=2026-11-01", "to");
        assertInvalid("/api/disputes?size=0", "size");
        assertInvalid("/api/disputes?size=201", "size");
        assertInvalid("/api/disputes?page=-1", "page");
    }

    private void assertInvalid(String path, String field) {
        Reply reply = get("clerk", path);
        assertThat(reply.status()).as(path).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().at("/errors/0/field").asString()).as(path).isEqualTo(field);
        assertThat(reply.body().at("/errors/0/message").asString()).isNotBlank();
    }

    private record Letter(String id, String serialNo) {
    }

    private Letter register() {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0).toString();
        Reply created = post("clerk", "/api/letters", letter(receivedAt));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("letterId").asString();
        ok(post("clerk", "/api/letters/" + id + "/assignment", Map.of("department", "BUSINESS")));
        return new Letter(id, created.body().get("serialNo").asString());
    }

    /** The book's lines that belong to this test's letters, in the book's order. */
    private static List<JsonNode> ours(Reply reply, Letter... letters) {
        Set<String> ids = Arrays.stream(letters).map(Letter::id).collect(Collectors.toSet());
        List<JsonNode> items = new ArrayList<>();
        reply.body().get("items").forEach(item -> {
            if (ids.contains(item.get("letterId").asString())) {
                items.add(item);
            }
        });
        return items;
    }

    private List<String> numbers(Reply reply, Letter... letters) {
        return ours(ok(reply), letters).stream().map(d -> d.get("number").asString()).toList();
    }
}
