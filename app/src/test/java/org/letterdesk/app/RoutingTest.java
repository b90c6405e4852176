package org.letterdesk.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing rules over HTTP: the shipped defaults route the seeds' cases (报事 → business department, 工作联系 →
 * administration) by {@code system} naming the rule, an administrator's replacement applies from the next
 * registration, a registration naming a department skips routing, and bad rules are refused leaving the rules as
 * they were. The defaults are restored after each test, as other tests register letters.
 */
class RoutingTest extends ApiTestSupport {

    private static final String RULES = "/api/admin/routing-rules";

    @AfterEach
    void restoreDefaults() {
        List<Map<String, Object>> defaults = List.of(
                Map.of("id", "report-matter", "keywords", List.of("报事"), "department", "BUSINESS"),
                Map.of("id", "work-contact", "category", "WORK_CONTACT", "department", "ADMINISTRATION"));
        ok(exchange("admin", "PUT", RULES, defaults, Map.of()));
    }

    private Reply register(String category, String subject, String coreRequest, String department) {
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        body.put("category", category);
        body.put("subject", subject);
        body.put("coreRequest", coreRequest);
        if (department != null) {
            body.put("department", department);
        }
        return created(post("clerk", "/api/letters", body));
    }

    private List<JsonNode> history(String letterId) {
        List<JsonNode> events = new ArrayList<>();
        get("auditor", "/api/letters/" + letterId + "/history").body().forEach(events::add);
        return events;
    }

    @Test
    void theSeedsCasesAreRoutedBySystemNamingTheRule() {
        Reply listed = ok(get("clerk", RULES));
        assertThat(listed.body().get(0).get("id").asString()).isEqualTo("report-matter");

        Reply reported = register("ASSISTANCE", "报事：楼道灯不亮", "请尽快派人处理", null);
        assertThat(reported.body().get("department").asString()).isEqualTo("BUSINESS");
        assertThat(reported.body().get("status").asString()).isEqualTo("ASSIGNED");
        String id = reported.body().get("letterId").asString();
        long version = reported.body().get("version").asLong();
        // Polled rather than one bounded wait: the projection may lag on a loaded machine.
        awaitUntil(() -> get("clerk", "/api/letters/" + id + "?minVersion=" + version).status() == 200);
        JsonNode view = awaitLetter("clerk", id, version);
        assertThat(view.at("/routing/ruleId").asString()).isEqualTo("report-matter");
        assertThat(view.get("department").asString()).isEqualTo("BUSINESS");
        JsonNode assigned = history(id).stream().filter(e -> e.get("type").asString().equals("LetterAssigned"))
                .findFirst().orElseThrow();
        assertThat(assigned.at("/actor/user").asString()).isEqualTo("system");

        Reply contact = register("WORK_CONTACT", "关于转办消费者投诉的函", "请反馈处理结果", null);
        assertThat(contact.body().get("department").asString()).isEqualTo("ADMINISTRATION");

        Reply complaint = register("COMPLAINT", "账单疑问", "退还多收的费用", null);
        assertThat(complaint.body().get("department").isNull()).isTrue();
        assertThat(complaint.body().get("status").asString()).isEqualTo("RECEIVED");

        Reply named = register("WORK_CONTACT", "关于会议安排的函", "请派员参加", "BUSINESS");
        assertThat(named.body().get("department").asString()).isEqualTo("BUSINESS");
        String namedId = named.body().get("letterId").asString();
        // The history reads the event store itself: no projection to wait for.
        assertThat(history(namedId)).anyMatch(e -> e.get("type").asString().equals("LetterAssigned")
                && e.at("/actor/user").asString().equals("clerk"));
        assertThat(history(namedId)).noneMatch(e -> e.get("type").asString().equals("LetterRouted"));
    }

    @Test
    void anAdministratorsRulesApplyFromTheNextRegistrationAndBadRulesChangeNothing() {
        String keyword = "路由测试" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> rules = List.of(
                Map.of("id", "test-email", "channel", "EMAIL", "keywords", List.of(keyword), "department",
                        "CUSTOMER_SERVICE"),
                Map.of("id", "test-any", "keywords", List.of(keyword), "department", "ADMINISTRATION"));
        assertThat(exchange("clerk", "PUT", RULES, rules, Map.of()).status()).isEqualTo(403);
        Reply replaced = ok(exchange("admin", "PUT", RULES, rules, Map.of()));
        assertThat(replaced.body()).hasSize(2);
        assertThat(ok(get("handler", RULES)).body().get(0).get("id").asString()).isEqualTo("test-email");

        Reply routed = register("COMPLAINT", "投诉" + keyword, "请处理", null);
        assertThat(routed.body().get("department").asString()).isEqualTo("ADMINISTRATION"); // not EMAIL: second rule

        for (Object bad : List.of(
                "[{\"id\":\"x\",\"department\":\"FINANCE\"}]",
                "[null]",
                "[{\"id\":\"x\",\"department\":\"BUSINESS\"},{\"id\":\"x\",\"department\":\"BUSINESS\"}]",
                "[{\"id\":\"x\",\"keywords\":[\"\"],\"department\":\"BUSINESS\"}]",
                "[{\"id\":\"x\",\"keywords\":[null],\"department\":\"BUSINESS\"}]",
                "[{\"id\":\"x\"}]")) {
            Reply refused = exchange("admin", "PUT", RULES, bad, Map.of());
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
        }
        assertThat(ok(get("clerk", RULES)).body().get(0).get("id").asString()).isEqualTo("test-email");
    }
}
