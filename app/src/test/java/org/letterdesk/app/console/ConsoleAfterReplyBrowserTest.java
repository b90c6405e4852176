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
 * What happens after a reply, through the letter's page: a correction letter signed off by a supervisor, a dispute
 * investigated and resolved — and, before a reply, a delay reported with its notice.
 */
class ConsoleAfterReplyBrowserTest extends BrowserTestSupport {

    private String assigned() {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0).toString();
        String letterId = post("clerk", "/api/letters", letter(receivedAt)).body().path("letterId").asString();
        post("clerk", "/api/letters/" + letterId + "/assignment", Map.of("department", "CUSTOMER_SERVICE",
                "assignee", "handler"));
        return letterId;
    }

    /** A letter whose approved reply was sent (set up over the API). */
    private String replied() {
        String letterId = assigned();
        String path = "/api/letters/" + letterId;
        post("handler", path + "/drafts", Map.of("summary", "关于积分一事，现答复如下。", "points", List.of("积分已补发。")));
        post("reviewer", path + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED"));
        post("supervisor", path + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED"));
        long version = post("handler", path + "/reply", Map.of("channel", "PHONE")).body().path("version").asLong();
        awaitLetter("clerk", letterId, version);
        return letterId;
    }

    @Test
    void aCorrectionIsSignedOffAndADisputeInvestigatedAndResolved() {
        String letterId = replied();

        signIn("handler");
        open("letters/" + letterId);
        assertThat(status()).isEqualTo("CLOSED");
        WebElement correction = action("correction");
        type(correction, "whatWasWrong", "补发积分数写成了 200 分");
        type(correction, "correctedContent", "应补发 280 分");
        choose(correction, "cause", "TYPO");
        choose(correction, "foundBy", "CUSTOMER_CALLBACK");
        submitAndAwaitNewVersion(correction);
        assertThat(status()).isEqualTo("SENT"); // an open correction keeps the letter from closing
        assertThat(driver.findElements(By.cssSelector("details[data-action='sign-off-1']")))
                .as("only a supervisor signs off").isEmpty();

        signIn("supervisor");
        open("letters/" + letterId);
        submitAndAwaitNewVersion(action("sign-off-1"));
        assertThat(status()).isEqualTo("CLOSED");
        assertThat(driver.findElement(By.cssSelector("[data-correction='1']")).getText()).contains("已由 supervisor 签批");

        signIn("clerk");
        open("letters/" + letterId);
        WebElement dispute = action("dispute");
        type(dispute, "points", "客户认为补发积分不足");
        type(dispute, "senderView", "应按双倍积分补偿");
        type(dispute, "organizationView", "按活动规则补发");
        submitAndAwaitNewVersion(dispute);
        assertThat(status()).isEqualTo("SENT");

        signIn("handler");
        open("letters/" + letterId);
        WebElement investigation = action("investigation-1");
        type(investigation, "findings", "活动规则未约定双倍补偿");
        submitAndAwaitNewVersion(investigation);

        signIn("supervisor");
        open("letters/" + letterId);
        WebElement resolution = action("resolution-1");
        type(resolution, "outcome", "向客户解释规则，另赠 50 积分，客户接受");
        submitAndAwaitNewVersion(resolution);
        assertThat(status()).isEqualTo("CLOSED");

        open("disputes");
        WebElement row = onSomePage(By.xpath("//tr[td/a[@href='#/letters/" + letterId + "']]"));
        assertThat(row.getText()).contains("协商解决：向客户解释规则", "已解决");
    }

    @Test
    void aDelayIsReportedWithItsNotice() {
        String letterId = assigned();
        awaitUntil(() -> get("clerk", "/api/letters/" + letterId).body().path("status").asString().equals("ASSIGNED"));
        signIn("handler");
        open("letters/" + letterId);
        WebElement delay = action("delay");
        type(delay, "reason", "需财务部门核对历史账单");
        driver.executeScript("arguments[0].value = arguments[1]", delay.findElement(By.name("expectedCompletion")),
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(4).withSecond(0).withNano(0)
                        .toLocalDateTime().toString());
        submitAndAwaitNewVersion(delay);
        assertThat(notice()).isEqualTo("已报备并发出《延迟答复说明》");
        assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("报备延迟答复",
                "已向发件人发出《延迟答复说明》");
    }

    /**
     * The book is in the order disputes were recorded, paged: other tests of the same database may have recorded
     * more than a page since, so the user pages forward until the letter's row shows.
     */
    private WebElement onSomePage(By row) {
        By pageNo = By.cssSelector("nav.pager span");
        By next = By.xpath("//nav[@class='pager']/button[text()='下一页']");
        for (int page = 0; page < 500; page++) {
            String shown = visible(pageNo).getText();
            if (!driver.findElements(row).isEmpty()) {
                return visible(row);
            }
            WebElement button = driver.findElement(next);
            if (!button.isEnabled()) {
                break;
            }
            button.click();
            waitUntil(d -> !d.findElement(pageNo).getText().equals(shown));
        }
        return visible(row);
    }
}
