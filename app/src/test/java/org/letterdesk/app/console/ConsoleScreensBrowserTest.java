package org.letterdesk.app.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.demo.DemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen on the demo month, as the role that uses it: it renders, axe-core finds no serious or critical
 * violation, and a screenshot is taken (docs/console.md shows them). The quality charts are drawn with data.
 */
class ConsoleScreensBrowserTest extends BrowserTestSupport {

    @Autowired
    DemoData demoData;

    @BeforeEach
    void demoMonth() {
        demoData.fill(); // does nothing once the demo month is there
    }

    /** A letter of the demo month, once the register shows it (the projection follows the commands). */
    private String demoLetter(String subject) {
        String path = "/api/register?size=1&q=" + subject; // the client encodes it
        awaitUntil(() -> get("supervisor", path).body().path("total").asLong() > 0);
        return get("supervisor", path).body().path("items").get(0).path("letterId").asString();
    }

    @Test
    void loginPage() throws IOException {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/");
        visible(By.id("login-form"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        assertThat(driver.getTitle()).contains("登录");
        assertAccessible("login");
        screenshot("00-login");
    }

    @Test
    void workListAsHandler() throws IOException {
        signIn("handler");
        open("work");
        visible(By.cssSelector(".work-list tbody tr"));
        waitUntil(d -> "on".equals(d.findElement(By.cssSelector(".live")).getAttribute("data-live")));
        assertAccessible("work");
        screenshot("01-work-list");
        browser.resize(768, 1024);
        open("work");
        visible(By.cssSelector(".work-list tbody tr"));
        screenshot("01b-work-list-tablet");
    }

    @Test
    void registerAsSupervisor() throws IOException {
        signIn("supervisor");
        open("register");
        visible(By.cssSelector(".register-result tbody tr"));
        List<WebElement> headers = driver.findElements(By.cssSelector(".register-result thead th"));
        assertThat(headers).extracting(WebElement::getText).map(t -> t.replaceAll("[ ▲▼]", ""))
                .containsExactly("序号", "收件日期时间", "发件人信息", "主题", "核心诉求", "附件清单", "分配部门", "处理状态",
                        "答复时限", "实际完成时间", "备注");
        assertAccessible("register");
        screenshot("02-register");
    }

    @Test
    void registrationAsClerk() throws IOException {
        signIn("clerk");
        open("registration");
        visible(By.cssSelector("form.registration"));
        assertAccessible("registration");
        screenshot("03-registration");
    }

    @Test
    void letterPageAsHandler() throws IOException {
        String letterId = demoLetter("账户被锁定无法登录"); // a draft with a wording finding
        signIn("handler2");
        open("letters/" + letterId);
        visible(By.cssSelector(".timeline li"));
        visible(By.cssSelector("pre.rendered[data-rendered]"));
        waitUntil(d -> !d.findElement(By.cssSelector("pre.rendered")).getText().startsWith("正在生成"));
        WebElement editor = action("draft"); // the submitted draft, open for a new one: its finding is marked
        assertThat(visible(By.cssSelector(".wording-check mark.finding")).getText()).isEqualTo("保证");
        assertThat(driver.findElement(By.cssSelector("pre.rendered")).getText()).startsWith("尊敬的许亮：");
        assertAccessible("letter");
        screenshot("04-letter");
        screenshot("04a-letter-wording-check", editor);
        browser.resize(768, 1024);
        open("letters/" + letterId);
        visible(By.cssSelector(".timeline li"));
        screenshot("04b-letter-tablet");
    }

    @Test
    void letterPageInReviewAsReviewer() throws IOException {
        String letterId = demoLetter("快递包裹丢失要求赔偿"); // format-approved, awaiting the supervisor
        signIn("supervisor");
        open("letters/" + letterId);
        visible(By.cssSelector("details[data-action='review']"));
        action("review");
        assertAccessible("letter-review");
        screenshot("05-letter-review");
    }

    @Test
    void disputeBook() throws IOException {
        signIn("clerk");
        open("disputes");
        visible(By.cssSelector("tbody tr"));
        assertAccessible("disputes");
        screenshot("06-disputes");
    }

    /** A complex letter replied and followed up now with the given satisfaction, through the API. */
    private void followedUpLetter(String satisfaction) {
        String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();
        String id = created(post("clerk", "/api/letters", letter(now))).body().path("letterId").asString();
        String base = "/api/letters/" + id;
        ok(post("clerk", base + "/assignment", Map.of("department", "CUSTOMER_SERVICE", "assignee", "handler")));
        ok(post("handler", base + "/flags", Map.of("complex", true)));
        ok(post("handler", base + "/drafts", Map.of("summary", "您来信反映的积分未到账问题",
                "points", List.of("　　一、经核实，积分已于今日补发。"), "alternatives", List.of("补发积分", "折算代金券"))));
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        ok(post("handler", base + "/reply", Map.of("channel", "PHONE")));
        ok(post("handler", base + "/follow-up", Map.of("note", "电话回访，积分已到账", "satisfaction", satisfaction)));
    }

    /** A petition (信访) registered an hour ago and accepted now, through the API. */
    private void acceptedPetition() {
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        body.put("category", "PETITION");
        body.put("channel", "VISIT");
        body.put("subject", "反映小区供水问题");
        String id = created(post("clerk", "/api/letters", body)).body().path("letterId").asString();
        ok(post("supervisor", "/api/letters/" + id + "/acceptance", Map.of("decision", "ACCEPTED",
                "reason", "属于受理范围")));
    }

    private static String percent(JsonNode rate) {
        return rate.isNull() ? "—" : new BigDecimal(rate.asString()).movePointRight(2)
                .setScale(1, RoundingMode.HALF_UP) + "%";
    }

    private List<String> totalRow(String section) {
        return driver.findElements(By.cssSelector("[data-section='" + section + "'] tr[data-department='ALL'] td"))
                .stream().map(WebElement::getText).toList();
    }

    @Test
    void qualityChartsRenderWithData() throws IOException {
        followedUpLetter("VERY_SATISFIED");
        followedUpLetter("NEUTRAL");
        acceptedPetition();
        String month = YearMonth.now(ZoneOffset.ofHours(8)).toString();
        awaitUntil(() -> {
            JsonNode analysis = get("director", "/api/quality/monthly?month=" + month).body();
            return analysis.at("/qualityLoop/total/satisfaction/NEUTRAL").asLong() > 0
                    && analysis.at("/petitionsAndReferrals/total/petitionsAccepted").asLong() > 0;
        });

        signIn("director");
        open("quality");
        waitUntil(d -> d.findElement(By.cssSelector(".charts")).getAttribute("data-drawn") != null);
        for (String chart : List.of("chart-on-time", "chart-causes", "chart-found-by", "chart-satisfaction",
                "chart-trend")) {
            assertThat(driver.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
            Object points = driver.executeScript("const c = echarts.getInstanceByDom(document.getElementById("
                    + "arguments[0])); return c.getOption().series.flatMap(s => s.data)"
                    + ".filter(v => v !== null && (typeof v !== 'object' || v.value > 0)).length", chart);
            assertThat(((Number) points).intValue()).as("data points of %s", chart).isPositive();
        }

        // The new sections show the month's figures as the public API gives them, the letters above among them.
        JsonNode analysis = get("director", "/api/quality/monthly?month=" + month).body();
        JsonNode loop = analysis.at("/qualityLoop/total");
        assertThat(loop.path("followUpsRated").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(totalRow("quality-loop")).containsExactly("合计",
                loop.path("commitmentsMade").asString(), loop.path("commitmentsDue").asString(),
                loop.path("commitmentsFulfilledOnTime").asString(), loop.path("commitmentsMissed").asString(),
                percent(loop.path("commitmentOnTimeRate")), loop.path("followUpsRated").asString(),
                loop.at("/satisfaction/VERY_SATISFIED").asString(), loop.at("/satisfaction/SATISFIED").asString(),
                loop.at("/satisfaction/NEUTRAL").asString(), loop.at("/satisfaction/DISSATISFIED").asString(),
                loop.at("/satisfaction/VERY_DISSATISFIED").asString(), percent(loop.path("satisfiedRate")),
                percent(loop.path("dissatisfiedRate")));
        JsonNode procedures = analysis.at("/petitionsAndReferrals/total");
        assertThat(procedures.path("petitionsAccepted").asLong()).isPositive();
        assertThat(totalRow("petitions-referrals")).containsExactly("合计",
                procedures.path("petitionsAccepted").asString(), procedures.path("petitionsNotAccepted").asString(),
                procedures.path("petitionsExtended").asString(), procedures.path("reviewsRequested").asString(),
                procedures.path("secondReviewsRequested").asString(), procedures.path("petitionsFinal").asString(),
                procedures.path("referralReportsDue").asString(), procedures.path("referralReportsOnTime").asString(),
                procedures.path("referralReportsLate").asString(), percent(procedures.path("referralReportOnTimeRate")));
        // The satisfaction chart's bars are the counts per level; the total's NEUTRAL bar includes the letter above.
        Object neutral = driver.executeScript("const c = echarts.getInstanceByDom(document.getElementById("
                + "'chart-satisfaction')); const o = c.getOption(); const i = o.xAxis[0].data.indexOf('合计');"
                + " return o.series.find(s => s.name === '一般').data[i]");
        assertThat(((Number) neutral).longValue()).isEqualTo(loop.at("/satisfaction/NEUTRAL").asLong());
        assertThat(driver.findElements(By.cssSelector("a[data-export='quality-trend-csv']"))).isNotEmpty();

        assertAccessible("quality");
        screenshot("07-quality");
        screenshot("07a-quality-sections", driver.findElement(By.cssSelector(".quality-sections")));
        screenshot("07b-quality-charts", driver.findElement(By.cssSelector(".charts")));
    }

    @Test
    void auditWithTimeSlider() throws IOException {
        String letterId = demoLetter("会员积分三月份未到账"); // archived: its whole life
        signIn("auditor");
        open("audit/" + letterId);
        WebElement slider = visible(By.id("as-of-slider"));
        waitUntil(d -> d.findElement(By.cssSelector("[data-state-status]")).getAttribute("data-state-status")
                .equals("ARCHIVED"));
        driver.executeScript("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'))", slider);
        waitUntil(d -> d.findElement(By.cssSelector("[data-state-status]")).getAttribute("data-state-status")
                .equals("RECEIVED"));
        driver.executeScript("arguments[0].value = Math.floor(arguments[0].max / 2);"
                + " arguments[0].dispatchEvent(new Event('input'))", slider);
        waitUntil(d -> !d.findElement(By.cssSelector("[data-state-status]")).getAttribute("data-state-status")
                .equals("RECEIVED"));
        assertAccessible("audit");
        screenshot("08-audit");
    }

    @Test
    void calendarAsAdmin() throws IOException {
        signIn("admin");
        open("calendar/2026");
        visible(By.cssSelector("td.holiday[data-date='2026-10-01']"));
        assertThat(driver.findElement(By.cssSelector("td[data-date='2026-10-10']")).getAttribute("class"))
                .isEqualTo("workday");
        assertAccessible("calendar");
        screenshot("09-calendar");
    }
}
