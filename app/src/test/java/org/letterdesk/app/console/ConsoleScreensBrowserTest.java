package org.letterdesk.app.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.demo.DemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import java.io.IOException;
import java.util.List;

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

    @Test
    void qualityChartsRenderWithData() throws IOException {
        signIn("director");
        open("quality");
        waitUntil(d -> d.findElement(By.cssSelector(".charts")).getAttribute("data-drawn") != null);
        for (String chart : List.of("chart-on-time", "chart-causes", "chart-found-by", "chart-trend")) {
            assertThat(driver.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
            Object points = driver.executeScript("const c = echarts.getInstanceByDom(document.getElementById("
                    + "arguments[0])); return c.getOption().series.flatMap(s => s.data)"
                    + ".filter(v => v !== null && (typeof v !== 'object' || v.value > 0)).length", chart);
            assertThat(((Number) points).intValue()).as("data points of %s", chart).isPositive();
        }
        assertAccessible("quality");
        screenshot("07-quality");
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
