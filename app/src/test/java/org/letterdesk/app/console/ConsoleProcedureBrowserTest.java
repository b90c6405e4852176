package org.letterdesk.app.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter through the whole procedure, by the users whose roles each step needs, using only the console's screens:
 * the clerk registers and assigns, the handler flags and drafts (and sees a wording finding highlighted while typing,
 * then fixes it), the reviewer and the supervisor approve, the handler sends and follows up, the archivist archives,
 * and the auditor reads the timeline and the history.
 */
class ConsoleProcedureBrowserTest extends BrowserTestSupport {

    @Test
    void aLetterFromRegistrationToArchive() {
        String subject = "控制台全流程测试 " + System.nanoTime();

        // Clerk: registration form, then assignment on the letter's page.
        signIn("clerk");
        open("registration");
        WebElement form = visible(By.cssSelector("form.registration"));
        type(form, "name", "欧阳明");
        type(form, "phone", "13812345678");
        type(form, "email", "ouyang.ming@example.com");
        type(form, "address", "江苏省南京市秦淮区中华路1号");
        type(form, "subject", subject);
        type(form, "coreRequest", "水费账单重复扣款，请核实并退还多扣金额。");
        choose(form, "category", "COMPLAINT");
        choose(form, "channel", "LETTER");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement registered = visible(By.cssSelector("[data-registered]"));
        String letterId = registered.getAttribute("data-registered");
        String serialNo = registered.findElement(By.cssSelector("[data-serial]")).getText();
        assertThat(serialNo).matches("\\d{4}-\\d{6}");
        registered.findElement(By.linkText("打开信函页面")).click();
        awaitScreen("letters");
        visible(By.cssSelector("[data-serial='" + serialNo + "']"));
        assertThat(status()).isEqualTo("RECEIVED");
        WebElement assignment = action("assignment");
        choose(assignment, "department", "CUSTOMER_SERVICE");
        type(assignment, "assignee", "handler");
        submitAndAwaitNewVersion(assignment);
        assertThat(status()).isEqualTo("ASSIGNED");
        assertThat(driver.findElements(By.cssSelector("details[data-action='draft']"))).as("a clerk does not draft")
                .isEmpty();

        // Handler: a complex letter (a follow-up will be due); drafts, sees the finding highlighted, fixes it.
        signIn("handler");
        open("letters/" + letterId);
        WebElement flags = action("flags");
        flags.findElement(By.name("complex")).click();
        submitAndAwaitNewVersion(flags);
        WebElement draft = action("draft");
        type(draft, "summary", "您好！感谢您的来信。关于水费重复扣款一事，我们已核实，现答复如下。");
        type(draft, "points", "我们保证三个工作日内退还多扣金额。");
        type(draft, "alternatives", "退还至原扣款账户。" + Keys.ENTER + "抵扣下期水费。");
        WebElement finding = visible(By.cssSelector(".wording-check mark.finding"));
        assertThat(finding.getText()).isEqualTo("保证");
        assertThat(finding.getAttribute("data-rule")).isEqualTo("ABSOLUTE_PROMISE");
        type(draft, "points", "我们将在三个工作日内退还多扣金额。");
        waitUntil(d -> "0".equals(d.findElement(By.cssSelector(".wording-check")).getAttribute("data-findings")));
        assertThat(driver.findElements(By.cssSelector(".wording-check mark.finding"))).isEmpty();
        submitAndAwaitNewVersion(draft);
        assertThat(status()).isEqualTo("IN_REVIEW");
        waitUntil(d -> d.findElement(By.cssSelector("pre.rendered")).getText().contains("尊敬的欧阳明"));
        assertThat(driver.findElement(By.cssSelector("pre.rendered")).getText())
                .contains("我们将在三个工作日内退还多扣金额").contains(serialNo.substring(0, 4));

        // Reviewer (format) and supervisor (strategy) approve.
        review("reviewer", letterId, "FORMAT");
        review("supervisor", letterId, "SUPERVISOR");
        assertThat(status()).isEqualTo("APPROVED");

        // Handler sends the reply by e-mail, then records the phone follow-up of a complex letter.
        signIn("handler");
        open("letters/" + letterId);
        WebElement reply = action("reply");
        choose(reply, "channel", "EMAIL");
        type(reply, "recipient", "ouyang.ming@example.com");
        submitAndAwaitNewVersion(reply);
        assertThat(status()).isEqualTo("SENT");
        WebElement followUp = action("follow-up");
        type(followUp, "note", "电话回访，客户确认已收到退款说明");
        submitAndAwaitNewVersion(followUp);
        assertThat(status()).isEqualTo("CLOSED");

        // Archivist archives.
        signIn("archivist");
        open("letters/" + letterId);
        submitAndAwaitNewVersion(action("archive"));
        assertThat(status()).isEqualTo("ARCHIVED");
        assertThat(notice()).contains("ARC-" + serialNo);

        // Auditor: the timeline on the letter's page, then the full history with the time slider.
        signIn("auditor");
        open("letters/" + letterId);
        List<String> timeline = visible(By.cssSelector(".timeline")).findElements(By.tagName("li")).stream()
                .map(WebElement::getText).toList();
        assertThat(String.join("\n", timeline))
                .contains("clerk（客服/登记员）", "登记收件", "分配至客服部门", "handler（业务答复人）",
                        "撰写答复草稿第 1 稿，措辞检查通过", "reviewer（内容专员）", "内容专员审核通过",
                        "部门主管审核通过", "以电子邮件发送答复", "电话跟进已记录", "archivist（行政/档案）", "存档");
        assertThat(String.join("\n", timeline)).doesNotContain("13812345678", "ouyang.ming@example.com",
                "中华路");
        driver.findElement(By.linkText("查看审计历史")).click();
        awaitScreen("audit");
        waitUntil(d -> "ARCHIVED".equals(d.findElement(By.cssSelector("[data-state-status]"))
                .getAttribute("data-state-status")));
        assertThat(driver.findElements(By.cssSelector("tr[data-sequence]")).size()).isGreaterThanOrEqualTo(12);
    }

    private void review(String user, String letterId, String level) {
        signIn(user);
        open("letters/" + letterId);
        WebElement review = action("review");
        choose(review, "level", level);
        choose(review, "decision", "APPROVED");
        type(review, "comment", "同意");
        submitAndAwaitNewVersion(review);
    }
}
