package org.letterdesk.app.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.demo.DemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wave-2 screens of the procedure: 承诺 (the commitments list and fulfilment on the letter's page), 审计's
 * personal-data access list and hash-chain verification, 分办规则 (routing rules), and a letter's petition state,
 * referral and correspondence — each as the role that uses it, and refused or hidden for a role that may not.
 */
class ConsoleProcedureScreensBrowserTest extends BrowserTestSupport {

    @Autowired
    DemoData demoData;

    @BeforeEach
    void demoMonth() {
        demoData.fill(); // the lists around the letters made here look like an office's (nothing once it is there)
    }

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private static Map<String, Object> letterAbout(String subject) {
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(SHANGHAI).minusHours(2).withNano(0)
                .toString()));
        body.put("subject", subject);
        return body;
    }

    /** Drafts (with {@code draft}), approves at format and supervisor level, and sends the reply over the API. */
    private long replied(String letterId, Map<String, Object> draft, Map<String, Object> reply) {
        String path = "/api/letters/" + letterId;
        ok(post("clerk", path + "/assignment", Map.of("department", "BUSINESS", "assignee", "handler")));
        ok(post("handler", path + "/drafts", draft));
        ok(post("reviewer", path + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", path + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        return ok(post("handler", path + "/reply", reply)).body().path("version").asLong();
    }

    @Test
    void commitmentsAreListedAndFulfilledOnTheLetterPageByAHandlerNotAClerk() throws IOException {
        String subject = "燃气表更换预约-" + UUID.randomUUID().toString().substring(0, 8);
        String letterId = created(post("clerk", "/api/letters", letterAbout(subject))).body().path("letterId").asString();
        LocalDate today = LocalDate.now(SHANGHAI);
        long version = replied(letterId, Map.of("summary", "关于燃气表更换一事，现答复如下。",
                "points", List.of("我公司将上门更换燃气表。"),
                "commitments", List.of(
                        Map.of("what", "上门更换燃气表", "department", "BUSINESS", "dueDate", today.plusDays(7).toString()),
                        Map.of("what", "回访确认用气正常", "department", "CUSTOMER_SERVICE",
                                "dueDate", today.plusDays(14).toString()))),
                Map.of("channel", "PHONE"));
        awaitLetter("clerk", letterId, version);
        awaitUntil(() -> get("clerk", "/api/commitments?status=OPEN&size=200").text().contains(letterId));

        signIn("handler");
        open("commitments");
        visible(By.cssSelector("tr[data-commitment='" + letterId + "-1']"));
        assertThat(driver.findElement(By.cssSelector("tr[data-commitment='" + letterId + "-1'] [data-status]"))
                .getText()).isEqualTo("未完成");
        assertAccessible("commitments");
        screenshot("11-commitments");

        open("letters/" + letterId);
        WebElement panel = visible(By.cssSelector("[aria-labelledby='letter-commitments']"));
        assertThat(panel.findElements(By.cssSelector("tr[data-commitment]"))).hasSize(2);
        WebElement fulfil = action("fulfil-1");
        type(fulfil, "evidence", "12 月 3 日已上门更换，工单 GZ-1203-07");
        submitAndAwaitNewVersion(fulfil);
        assertThat(visible(By.cssSelector("tr[data-commitment='1'] [data-commitment-status]")).getText())
                .isEqualTo("已兑现");
        assertThat(driver.findElements(By.cssSelector("details[data-action='fulfil-1']"))).isEmpty();
        assertAccessible("letter-commitments");
        screenshot("11a-letter-commitments", driver.findElement(By.cssSelector("[aria-labelledby='letter-commitments']")));

        // A clerk sees the commitments but not the fulfilment; forced, the server refuses it.
        signIn("clerk");
        open("letters/" + letterId);
        visible(By.cssSelector("tr[data-commitment='2']"));
        assertThat(driver.findElements(By.cssSelector("details[data-action='fulfil-2']"))).isEmpty();
        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/api.js').then(({ api }) => api.post(arguments[0], { evidence: '已回访' }))
                  .then(() => done(200), (e) => done(e.status));
                """, "/api/letters/" + letterId + "/commitments/2/fulfilment");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");
    }

    @Test
    void anAuditorFiltersThePersonalDataAccessListAndVerifiesALettersHashChain() throws IOException {
        String letterId = created(post("clerk", "/api/letters", letterAbout("查阅记录核对"))).body()
                .path("letterId").asString();
        ok(get("handler", "/api/letters/" + letterId + "/sender?reason=" + "电话回访需核对号码"));
        awaitUntil(() -> get("auditor", "/api/audit/personal-data-access?letterId=" + letterId).body()
                .path("total").asLong() == 1);

        signIn("auditor");
        open("access?letterId=" + letterId);
        WebElement row = visible(By.cssSelector("tr[data-access='" + letterId + "']"));
        assertThat(row.getText()).contains("handler", "业务答复人", "电话回访需核对号码");
        WebElement form = driver.findElement(By.cssSelector("form.filters"));
        type(form, "user", "nobody-reads-this");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> d.findElements(By.cssSelector("tr[data-access]")).isEmpty());
        type(form, "user", "handler");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        visible(By.cssSelector("tr[data-access='" + letterId + "']"));
        assertAccessible("personal-data-access");
        screenshot("12-personal-data-access");

        open("audit/" + letterId);
        visible(By.id("as-of-slider"));
        driver.findElement(By.xpath("//button[text()='校验哈希链']")).click();
        WebElement verdict = visible(By.cssSelector("[data-chain]"));
        assertThat(verdict.getAttribute("data-chain")).isEqualTo("valid");
        JsonNode server = ok(get("auditor", "/api/audit/letters/" + letterId + "/verify")).body();
        assertThat(verdict.getText()).contains("哈希链完整", server.path("events").asInt() + " 个事件");
        assertAccessible("audit-verify");
        screenshot("12a-audit-verify");

        // A supervisor reads the history but neither verifies chains nor sees the access list.
        signIn("supervisor");
        open("audit/" + letterId);
        visible(By.id("as-of-slider"));
        assertThat(driver.findElements(By.xpath("//button[text()='校验哈希链']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#nav a"))).extracting(WebElement::getText)
                .contains("审计").doesNotContain("个人信息查阅记录");
        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/api.js').then(({ api }) => api.get(arguments[0]))
                  .then(() => done(200), (e) => done(e.status));
                """, "/api/audit/personal-data-access");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");
    }

    @Test
    void anAdministratorAddsARoutingRuleThatTheNextRegistrationFollowsAndAClerkOnlyReadsThem() throws IOException {
        JsonNode before = ok(get("admin", "/api/admin/routing-rules")).body();
        String keyword = "井盖" + UUID.randomUUID().toString().substring(0, 6);
        try {
            signIn("admin");
            open("routing-rules");
            visible(By.cssSelector("tr[data-rule]"));
            WebElement editor = visible(By.cssSelector("form.routing-editor"));
            int rows = editor.findElements(By.cssSelector("tr[data-rule-row]")).size();
            editor.findElement(By.cssSelector("button[data-add-rule]")).click();
            WebElement added = visible(By.cssSelector("tr[data-rule-row='" + (rows + 1) + "']"));
            type(added, "id", "manhole-" + keyword.substring(2));
            choose(added, "category", "COMPLAINT");
            type(added, "keywords", keyword + "、窨井");
            choose(added, "department", "BUSINESS");
            editor.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(notice()).contains("已保存 " + (rows + 1) + " 条分办规则");
            visible(By.cssSelector("tr[data-rule='manhole-" + keyword.substring(2) + "']"));
            assertAccessible("routing-rules");
            screenshot("13-routing-rules");

            JsonNode registered = created(post("clerk", "/api/letters", letterAbout("小区" + keyword + "破损"))).body();
            assertThat(registered.path("department").asString()).isEqualTo("BUSINESS");

            // A clerk reads the rules that route the letters they register, but does not change them.
            signIn("clerk");
            open("routing-rules");
            visible(By.cssSelector("tr[data-rule='manhole-" + keyword.substring(2) + "']"));
            assertThat(driver.findElements(By.cssSelector("form.routing-editor"))).isEmpty();
            Object status = driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/console/api.js').then(({ api }) => api.put('/api/admin/routing-rules', []))
                      .then(() => done(200), (e) => done(e.status));
                    """);
            assertThat(((Number) status).intValue()).isEqualTo(403);
            assertThat(problem()).contains("您的角色无权执行此操作");
        } finally {
            ok(exchange("admin", "PUT", "/api/admin/routing-rules", before, Map.of()));
        }
    }

    @Test
    void aLetterPageShowsAPetitionsAcceptanceAndExtensionAReferralAndItsMail() throws IOException {
        Map<String, Object> petition = letterAbout("信访：拆迁补偿标准不一致");
        petition.put("category", "PETITION");
        petition.put("channel", "VISIT");
        String petitionId = created(post("clerk", "/api/letters", petition)).body().path("letterId").asString();
        awaitLetter("clerk", petitionId, 0);

        // Only a supervisor decides on acceptance: a clerk does not see it.
        signIn("clerk");
        open("letters/" + petitionId);
        visible(By.cssSelector("[data-petition]"));
        assertThat(driver.findElements(By.cssSelector("details[data-action='acceptance']"))).isEmpty();

        signIn("supervisor");
        open("letters/" + petitionId);
        assertThat(visible(By.cssSelector("[data-acceptance]")).getText()).isEqualTo("尚未决定是否受理");
        WebElement acceptance = action("acceptance");
        choose(acceptance, "decision", "ACCEPTED");
        type(acceptance, "reason", "属本单位职责范围");
        submitAndAwaitNewVersion(acceptance);
        assertThat(visible(By.cssSelector("[data-acceptance]")).getAttribute("data-acceptance")).isEqualTo("ACCEPTED");
        WebElement extension = action("extension");
        type(extension, "days", "20");
        type(extension, "reason", "需会同住建部门核实");
        submitAndAwaitNewVersion(extension);
        assertThat(visible(By.cssSelector("[data-extension]")).getText()).contains("延长 20 天", "需会同住建部门核实");
        assertThat(driver.findElements(By.cssSelector("details[data-action='extension']"))).isEmpty();
        assertAccessible("letter-petition");
        screenshot("14-letter-petition", driver.findElement(By.cssSelector("[data-petition]")));

        Map<String, Object> referred = letterAbout("批办件：农村公路养护资金使用");
        referred.put("referral", Map.of("office", "县政府办公室督查科", "referenceNo", "县督字〔2026〕31号",
                "dueDate", LocalDate.now(SHANGHAI).plusDays(20).toString()));
        referred.put("channel", "EMAIL");
        String referralId = created(post("clerk", "/api/letters", referred)).body().path("letterId").asString();
        replied(referralId, Map.of("summary", "关于农村公路养护资金一事，现答复如下。", "points", List.of("资金已按计划拨付。")),
                Map.of("channel", "EMAIL", "recipient", "zhang.san@example.com"));
        long version = ok(post("handler", "/api/letters/" + referralId + "/referral-report", Map.of(
                "problem", "反映农村公路养护资金未到位。", "background", "涉及三个行政村的公路养护。",
                "investigation", "经查，资金已于十一月拨付。", "outcome", "已向来信人说明并公示拨付情况。")))
                .body().path("version").asLong();
        awaitLetter("clerk", referralId, version);
        awaitUntil(() -> get("clerk", "/api/letters/" + referralId + "/correspondence").text().contains("\"OUT\""));

        signIn("handler");
        open("letters/" + referralId);
        assertThat(visible(By.cssSelector("[data-referral-office]")).getText()).isEqualTo("县政府办公室督查科");
        assertThat(driver.findElement(By.cssSelector("[data-referral-report='1']")).getText())
                .contains("已向来信人说明并公示拨付情况", "待审核");
        assertThat(visible(By.cssSelector("tr[data-mail='OUT']")).getText()).contains("发出", "答复函");
        assertThat(driver.findElements(By.cssSelector("details[data-action='acceptance']"))).isEmpty();
        assertAccessible("letter-referral-mail");
        screenshot("14a-letter-referral", driver.findElement(By.cssSelector("[data-referral]")));
        screenshot("14b-letter-correspondence", driver.findElement(By.cssSelector("[aria-labelledby='letter-mail']")));
    }
}
