package org.letterdesk.app.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.demo.DemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actions on a letter's page that came with petitions, referrals and supervision: a petitioner's review
 * requests (复查/复核) and their answers, the report back to a referring office (written, reviewed, rendered), and
 * the resolution of a supervision item (督办) — each taken by the role that may, hidden from a role that may not
 * and refused by the server when forced.
 */
class ConsoleLetterActionsBrowserTest extends BrowserTestSupport {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    @Autowired
    DemoData demoData;

    @BeforeEach
    void demoMonth() {
        demoData.fill(); // nothing once it is there
    }

    private static Map<String, Object> letterAbout(String subject) {
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(SHANGHAI).minusHours(2).withNano(0)
                .toString()));
        body.put("subject", subject);
        return body;
    }

    private long replied(String letterId, Map<String, Object> draft) {
        String path = "/api/letters/" + letterId;
        ok(post("clerk", path + "/assignment", Map.of("department", "BUSINESS", "assignee", "handler")));
        ok(post("handler", path + "/drafts", draft));
        ok(post("reviewer", path + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", path + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        return ok(post("handler", path + "/reply", Map.of("channel", "PHONE"))).body().path("version").asLong();
    }

    /** Posts from the signed-in page, as the console would, and answers the HTTP status. */
    private int forced(String path, Map<String, Object> body) {
        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/api.js').then(({ api }) => api.post(arguments[0], arguments[1]))
                  .then(() => done(200), (e) => done(e.status));
                """, path, body);
        return ((Number) status).intValue();
    }

    @Test
    void aClerkRecordsAPetitionersReviewRequestsAndAHandlerAndASupervisorAnswerThem() throws IOException {
        Map<String, Object> petition = letterAbout("信访：征地补偿款发放不到位");
        petition.put("category", "PETITION");
        petition.put("channel", "VISIT");
        String id = created(post("clerk", "/api/letters", petition)).body().path("letterId").asString();
        ok(post("supervisor", "/api/letters/" + id + "/acceptance", Map.of("decision", "ACCEPTED",
                "reason", "属本单位职责范围")));
        long version = replied(id, Map.of("summary", "关于征地补偿款一事，现答复如下。",
                "points", List.of("补偿款已按标准核定，将于本月发放。")));
        awaitLetter("clerk", id, version);

        // Only a clerk records a request: a handler does not see it.
        signIn("handler");
        open("letters/" + id);
        visible(By.cssSelector("[data-petition]"));
        assertThat(driver.findElements(By.cssSelector("details[data-action='review-request']"))).isEmpty();

        signIn("clerk");
        open("letters/" + id);
        WebElement request = action("review-request");
        assertThat(request.findElement(By.xpath("..")).getText()).contains("登记复查请求");
        type(request, "reason", "对补偿标准的认定有异议，请求复查");
        submitAndAwaitNewVersion(request);
        assertThat(visible(By.cssSelector("[data-review-request='1']")).getText())
                .contains("复查请求", "对补偿标准的认定有异议", "待答复");
        assertThat(driver.findElements(By.cssSelector("details[data-action='review-request']"))).isEmpty();
        // The clerk does not answer it; forced, the server refuses.
        assertThat(driver.findElements(By.cssSelector("details[data-action='review-answer-1']"))).isEmpty();
        assertThat(forced("/api/letters/" + id + "/review-requests/1/answer", Map.of("answer", "维持原答复")))
                .isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");

        signIn("handler");
        open("letters/" + id);
        WebElement answer = action("review-answer-1");
        type(answer, "answer", "经复查，补偿标准符合规定，维持原答复意见。");
        submitAndAwaitNewVersion(answer);
        assertThat(visible(By.cssSelector("[data-review-request='1']")).getText())
                .contains("答复：经复查，补偿标准符合规定", "handler");

        signIn("clerk");
        open("letters/" + id);
        WebElement second = action("review-request");
        assertThat(second.findElement(By.xpath("..")).getText()).contains("登记复核请求");
        type(second, "reason", "不服复查意见，请求复核");
        submitAndAwaitNewVersion(second);
        visible(By.cssSelector("[data-review-request='2']"));

        signIn("supervisor");
        open("letters/" + id);
        WebElement final_ = action("review-answer-2");
        type(final_, "answer", "经复核，维持复查意见，本信访事项终结。");
        submitAndAwaitNewVersion(final_);
        assertThat(visible(By.cssSelector("[data-review-request='2']")).getText()).contains("复核请求", "supervisor");
        assertThat(driver.findElement(By.cssSelector("[data-petition]")).getText()).contains("已终结");
        assertAccessible("letter-petition-review");
        screenshot("15-letter-petition-review", driver.findElement(By.cssSelector("[data-petition]")));

        // Once final, no further request is offered.
        signIn("clerk");
        open("letters/" + id);
        visible(By.cssSelector("[data-review-request='2']"));
        assertThat(driver.findElements(By.cssSelector("details[data-action='review-request']"))).isEmpty();
    }

    @Test
    void aHandlerWritesTheReportToAReferringOfficeReviewersApproveItAndTheRenderedReportIsShown() throws IOException {
        Map<String, Object> referred = letterAbout("批办件：城区路灯长期不亮");
        referred.put("referral", Map.of("office", "市政府办公室督查科", "referenceNo", "市督字〔2026〕58号",
                "dueDate", LocalDate.now(SHANGHAI).plusDays(15).toString()));
        String id = created(post("clerk", "/api/letters", referred)).body().path("letterId").asString();
        long version = ok(post("clerk", "/api/letters/" + id + "/assignment",
                Map.of("department", "BUSINESS", "assignee", "handler"))).body().path("version").asLong();
        awaitLetter("clerk", id, version);

        // A clerk neither writes nor reviews the report; forced, the server refuses.
        signIn("clerk");
        open("letters/" + id);
        assertThat(visible(By.cssSelector("[data-referral-office]")).getText()).isEqualTo("市政府办公室督查科");
        assertThat(driver.findElements(By.cssSelector("details[data-action='referral-report']"))).isEmpty();
        assertThat(forced("/api/letters/" + id + "/referral-report", Map.of("problem", "a", "background", "b",
                "investigation", "c", "outcome", "d"))).isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");

        signIn("handler");
        open("letters/" + id);
        WebElement report = action("referral-report");
        type(report, "problem", "群众反映城区建设路一带路灯长期不亮。");
        type(report, "background", "建设路路灯由我公司负责维护，共 46 盏。");
        type(report, "investigation", "经现场核查，因线路老化有 12 盏路灯不亮。");
        type(report, "outcome", "已更换线路并全部恢复照明，已向来信人说明。");
        submitAndAwaitNewVersion(report);
        assertThat(visible(By.cssSelector("[data-referral-report='1']")).getText())
                .contains("已更换线路并全部恢复照明", "待审核");
        // The reporter has no review level: no review is offered to a handler.
        assertThat(driver.findElements(By.cssSelector("details[data-action='referral-review']"))).isEmpty();

        signIn("reviewer");
        open("letters/" + id);
        assertThat(driver.findElements(By.cssSelector("details[data-action='referral-report']"))).isEmpty();
        WebElement format = action("referral-review");
        choose(format, "level", "FORMAT");
        choose(format, "decision", "APPROVED");
        submitAndAwaitNewVersion(format);
        assertThat(visible(By.cssSelector("[data-referral-report='1']")).getText()).contains("内容专员审核通过");

        signIn("supervisor");
        open("letters/" + id);
        WebElement supervisor = action("referral-review");
        choose(supervisor, "level", "SUPERVISOR");
        choose(supervisor, "decision", "APPROVED");
        submitAndAwaitNewVersion(supervisor);
        assertThat(visible(By.cssSelector("[data-referral]")).getText()).contains("报告已于");
        assertThat(driver.findElements(By.cssSelector("details[data-action='referral-review']"))).isEmpty();
        String server = ok(get("supervisor", "/api/letters/" + id + "/referral-report/rendered")).text();
        WebElement rendered = visible(By.cssSelector("[data-referral-rendered]"));
        waitUntil(d -> rendered.getText().contains("市督字〔2026〕58号"));
        assertThat(rendered.getText()).contains("市政府办公室督查科", "经现场核查，因线路老化有 12 盏路灯不亮");
        assertThat(rendered.getText().strip()).isEqualTo(server.strip());
        assertAccessible("letter-referral-report");
        screenshot("16-letter-referral-report", driver.findElement(By.cssSelector("[data-referral]")));
    }

    @Test
    void aSupervisorResolvesTheSupervisionOfADissatisfiedSenderAndAHandlerMayNot() throws IOException {
        String id = created(post("clerk", "/api/letters", letterAbout("积分未到账，回访不满意"))).body()
                .path("letterId").asString();
        ok(post("handler", "/api/letters/" + id + "/flags", Map.of("complex", true)));
        replied(id, Map.of("summary", "关于积分未到账一事，现答复如下。", "points", List.of("积分已补发。"),
                "alternatives", List.of("方案一：补发积分", "方案二：折算为代金券")));
        long version = ok(post("handler", "/api/letters/" + id + "/follow-up", Map.of("note", "电话回访，来函人仍不满意",
                "satisfaction", "VERY_DISSATISFIED"))).body().path("version").asLong();
        awaitLetter("clerk", id, version);
        awaitUntil(() -> ok(get("supervisor", "/api/letters/" + id)).body().path("supervisionLevel").asInt() > 0);

        signIn("handler");
        open("letters/" + id);
        assertThat(visible(By.cssSelector("[data-supervision='1']")).getText())
                .contains("来函人不满意", "部门主管督办", "待办结");
        assertThat(driver.findElements(By.cssSelector("details[data-action='supervision-resolution']"))).isEmpty();
        assertThat(forced("/api/letters/" + id + "/supervision/resolution", Map.of("note", "已处理"))).isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");

        signIn("supervisor");
        open("letters/" + id);
        WebElement resolve = action("supervision-resolution");
        type(resolve, "note", "已上门致歉并补发积分，来函人表示接受。");
        submitAndAwaitNewVersion(resolve);
        WebElement item = visible(By.cssSelector("[data-supervision='1']"));
        assertThat(item.getAttribute("data-resolved")).isEqualTo("yes");
        assertThat(item.getText()).contains("已办结", "已上门致歉并补发积分", "supervisor");
        assertThat(driver.findElements(By.cssSelector("details[data-action='supervision-resolution']"))).isEmpty();
        assertAccessible("letter-supervision");
        screenshot("17-letter-supervision", driver.findElement(By.cssSelector("[aria-labelledby='letter-supervision']")));
    }
}
