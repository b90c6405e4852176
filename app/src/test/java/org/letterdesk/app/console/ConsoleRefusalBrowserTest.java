package org.letterdesk.app.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals as the user sees them: the four-eyes rule when the drafter tries to review, and a role that does not see
 * an action — and, when the request is forced anyway, is shown the server's 403 in Chinese.
 */
class ConsoleRefusalBrowserTest extends BrowserTestSupport {

    /** A letter drafted by {@code drafter}, awaiting its format review (set up over the API). */
    private String draftedBy(String drafter) {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();
        String letterId = post("clerk", "/api/letters", letter(receivedAt)).body().path("letterId").asString();
        post("clerk", "/api/letters/" + letterId + "/assignment", Map.of("department", "CUSTOMER_SERVICE"));
        long version = post(drafter, "/api/letters/" + letterId + "/drafts", Map.of(
                "summary", "关于积分未到账一事，现答复如下。", "points", List.of("积分已于今日补发。")))
                .body().path("version").asLong();
        awaitLetter("clerk", letterId, version);
        return letterId;
    }

    private List<String> navigation() {
        return driver.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theDrafterWhoReviewsIsRefusedByTheFourEyesRule() {
        String letterId = draftedBy("lead"); // lead is HANDLER, REVIEWER and SUPERVISOR
        signIn("lead");
        open("letters/" + letterId);
        WebElement review = action("review");
        choose(review, "level", "FORMAT");
        choose(review, "decision", "APPROVED");
        review.findElement(By.cssSelector("button[type=submit]")).click();
        String shown = problem();
        assertThat(shown).contains("违反四眼原则");
        assertThat(shown).contains("lead drafted draft 1 and may not review it"); // the server's detail
        assertThat(status()).isEqualTo("IN_REVIEW");
        assertAccessible("letter-refused");
    }

    @Test
    void aRoleWithoutTheActionDoesNotSeeItAndAForcedRequestShowsTheRefusal() {
        String letterId = draftedBy("handler");
        signIn("clerk");
        open("letters/" + letterId);
        visible(By.cssSelector(".timeline li"));
        assertThat(driver.findElements(By.cssSelector("details[data-action='review']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("details[data-action='draft']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("details[data-action='archive']"))).isEmpty();
        assertThat(navigation()).contains("登记").doesNotContain("质量分析", "审计", "日历");

        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/api.js').then(({ api }) => api.post(arguments[0],
                    { level: 'FORMAT', decision: 'APPROVED' }))
                  .then(() => done(200), (e) => done(e.status));
                """, "/api/letters/" + letterId + "/reviews");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");
        assertThat(status()).isEqualTo("IN_REVIEW");

        signIn("handler");
        // Not a handler's screen: the console shows the first of the handler's screens instead.
        driver.executeScript("document.getElementById('main').removeAttribute('data-screen');"
                + " location.hash = '#/registration'");
        awaitScreen("work");
        assertThat(driver.getCurrentUrl()).endsWith("#/work");
        assertThat(navigation()).contains("我的工作", "信函登记表").doesNotContain("登记", "日历");
    }
}
