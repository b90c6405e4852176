package org.letterdesk.app.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.demo.DemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 客户档案 and the sender on a letter's page: the file with its repeat count and letters (masked), the reasoned
 * reveal of a letter's sender (the recorded read) and the registration form's repeat count and attachment upload.
 */
class ConsoleSenderBrowserTest extends BrowserTestSupport {

    @Autowired
    DemoData demoData;

    @BeforeEach
    void demoMonth() {
        demoData.fill(); // the lists around the letters made here look like an office's (nothing once it is there)
    }

    private static String uniquePhone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Registers a letter from 林晓燕 with this phone number (over the API); answers its id. */
    private String letterFrom(String phone, String subject) {
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3)
                .withNano(0).toString()));
        body.put("subject", subject);
        body.put("sender", Map.of("name", "林晓燕", "phone", phone, "email", "lin." + phone + "@example.com",
                "address", "杭州市西湖区文三路 90 号"));
        Reply registered = created(post("clerk", "/api/letters", body));
        awaitLetter("clerk", registered.body().path("letterId").asString(), registered.body().path("version").asLong());
        return registered.body().path("letterId").asString();
    }

    @Test
    void theSenderFileShowsItsLettersMaskedAndALetterPageRevealsTheSenderForAReason() throws IOException {
        String phone = uniquePhone();
        letterFrom(phone, "水费账单金额异常");
        String letterId = letterFrom(phone, "水费账单金额异常（再次来信）");
        String senderId = get("clerk", "/api/letters/" + letterId).body().path("senderId").asString();
        awaitUntil(() -> get("clerk", "/api/senders/" + senderId).body().path("letterCount").asInt() == 2);

        signIn("clerk");
        open("senders");
        visible(By.cssSelector("tr[data-sender-id]"));
        assertAccessible("senders");
        screenshot("10-senders");

        open("senders/" + senderId);
        WebElement count = visible(By.cssSelector("[data-letter-count]"));
        assertThat(count.getAttribute("data-letter-count")).isEqualTo("2");
        assertThat(count.getText()).contains("重复来函 1 次");
        assertThat(driver.findElement(By.cssSelector("[data-masked='phone']")).getText())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(driver.findElements(By.cssSelector("tr[data-letter]"))).hasSize(2);
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(phone);
        assertAccessible("sender-file");
        screenshot("10a-sender-file");

        open("letters/" + letterId);
        WebElement sender = visible(By.cssSelector("[data-sender]"));
        assertThat(sender.getText()).contains("林晓燕", phone.substring(0, 3) + "****").doesNotContain(phone);
        assertThat(driver.findElement(By.cssSelector("[data-repeat]")).getText()).contains("第 2 次");
        WebElement reveal = action("reveal-sender");
        reveal.findElement(By.cssSelector("button[type=submit]")).click(); // no reason: the browser asks for one
        assertThat(driver.findElements(By.cssSelector("[data-clear-sender]"))).isEmpty();
        type(reveal, "reason", "客户来电核对账单，需回拨电话");
        reveal.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(By.cssSelector("[data-clear-sender]")).getText()).contains(phone, "lin." + phone);
        assertAccessible("letter-sender-revealed");
        screenshot("10b-letter-sender-revealed", driver.findElement(By.cssSelector("[aria-labelledby='letter-sender']")));
        awaitUntil(() -> get("auditor", "/api/audit/personal-data-access?letterId=" + letterId).body()
                .path("total").asLong() == 1);

        // An auditor may not read personal data in clear: the action is not shown; forced, it is refused.
        signIn("auditor");
        open("letters/" + letterId);
        visible(By.cssSelector(".timeline li"));
        assertThat(driver.findElements(By.cssSelector("details[data-action='reveal-sender']"))).isEmpty();
        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/api.js').then(({ api }) => api.get(arguments[0]))
                  .then(() => done(200), (e) => done(e.status));
                """, "/api/letters/" + letterId + "/sender?reason=curious");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");
    }

    @Test
    void theRegistrationFormShowsTheRepeatCountWhileTypingAndUploadsAttachments() throws IOException {
        String phone = uniquePhone();
        letterFrom(phone, "小区路灯不亮");
        letterFrom(phone, "小区路灯仍不亮");
        Path scan = Files.createTempFile("来信扫描", ".txt");
        Files.writeString(scan, "来信全文：小区东门路灯已坏两周。", StandardCharsets.UTF_8);

        signIn("clerk");
        open("registration");
        WebElement form = visible(By.cssSelector("form.registration"));
        type(form, "phone", "+86 " + phone);
        WebElement repeat = waitUntil(d -> {
            WebElement p = d.findElement(By.cssSelector("p[data-repeat]"));
            return "2".equals(p.getAttribute("data-repeat")) ? p : null;
        });
        assertThat(repeat.getText()).contains("此前已有 2 件来函", "本件为第 3 次");
        type(form, "phone", uniquePhone());
        waitUntil(d -> d.findElement(By.cssSelector("p[data-repeat]")).getText().contains("新发件人"));
        type(form, "phone", phone);
        waitUntil(d -> "2".equals(d.findElement(By.cssSelector("p[data-repeat]")).getAttribute("data-repeat")));

        type(form, "name", "林晓燕");
        type(form, "subject", "小区路灯第三次报修");
        type(form, "coreRequest", "请尽快修复东门路灯");
        form.findElement(By.name("files")).sendKeys(scan.toString());
        WebElement uploaded = visible(By.cssSelector("li[data-attachment]"));
        assertThat(uploaded.getText()).contains(scan.getFileName().toString(), "text/plain", "已上传");
        assertAccessible("registration-repeat");
        screenshot("03c-registration-repeat-and-upload");

        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement registered = visible(By.cssSelector("[data-registered]"));
        String letterId = registered.getAttribute("data-registered");
        JsonNode view = awaitLetter("clerk", letterId, 0);
        assertThat(view.path("repeatCount").asInt()).isEqualTo(2);
        assertThat(view.at("/attachments/0/fileName").asString()).isEqualTo(scan.getFileName().toString());
        assertThat(view.at("/attachments/0/contentType").asString()).isEqualTo("text/plain");
        assertThat(view.at("/attachments/0/sizeBytes").asLong()).isEqualTo(Files.size(scan));
        Files.deleteIfExists(scan);

        // The lookup is the clerk's: a handler forcing it is refused.
        signIn("handler");
        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/api.js').then(({ api }) => api.post('/api/senders/match', { phone: arguments[0] }))
                  .then(() => done(200), (e) => done(e.status));
                """, phone);
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");
    }

}
