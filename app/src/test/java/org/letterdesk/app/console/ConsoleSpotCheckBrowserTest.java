package org.letterdesk.app.console;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.quality.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 抽查 (the monthly spot check) in the console: letters replied in March 2022 (no other test replies letters then)
 * on a simulated clock; then, on real time, a supervisor draws the month, a reviewer records an OK and an ERROR,
 * and a clerk reads the draw without its actions and is refused when forcing one.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsoleSpotCheckBrowserTest extends BrowserTestSupport {

    private static final MutableClock CLOCK = new MutableClock();
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final String MONTH = "2022-03";

    /** Commands and event timestamps follow the simulated clock while the month's letters are made. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {
        @Bean
        @Primary
        Clock simulatedClock() {
            return CLOCK;
        }
    }

    @AfterEach
    void realTime() {
        GenericEventMessage.clock = Clock.systemUTC();
        CLOCK.reset();
    }

    @AfterAll
    static void reset() {
        GenericEventMessage.clock = Clock.systemUTC();
        CLOCK.reset();
    }

    private final Map<String, Long> versions = new java.util.HashMap<>();

    private static Instant at(String date, String time) {
        return LocalDate.parse(date).atTime(LocalTime.parse(time)).atOffset(SHANGHAI).toInstant();
    }

    /** Registers, drafts, approves and sends a reply on the date, every step stamped at that day's hours. */
    private String replied(String date) {
        CLOCK.set(at(date, "09:00"));
        String id = created(post("clerk", "/api/letters", letter(at(date, "09:00").atOffset(SHANGHAI).toString())))
                .body().path("letterId").asString();
        String path = "/api/letters/" + id;
        ok(post("clerk", path + "/assignment", Map.of("department", "BUSINESS", "assignee", "handler")));
        CLOCK.set(at(date, "10:00"));
        ok(post("handler", path + "/drafts", Map.of("summary", "您来信反映的积分未到账问题",
                "points", List.of("经核实，积分因系统故障未能到账，现已补发。"))));
        CLOCK.set(at(date, "11:00"));
        ok(post("reviewer", path + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", path + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        CLOCK.set(at(date, "14:00"));
        long version = ok(post("handler", path + "/reply", Map.of("channel", "PHONE"))).body().path("version").asLong();
        versions.put(id, version);
        return id;
    }

    private static List<String> drawn(JsonNode spotCheck) {
        List<String> ids = new ArrayList<>();
        spotCheck.path("letters").forEach(l -> ids.add(l.path("letterId").asString()));
        return ids;
    }

    @Test
    void aSupervisorDrawsAReviewerRecordsResultsAndAClerkOnlyReads() throws IOException {
        assertThat(get("auditor", "/api/spot-checks/" + MONTH).status())
                .as("this test needs %s to itself", MONTH).isEqualTo(404);
        GenericEventMessage.clock = CLOCK;
        List<String> letters = new ArrayList<>(List.of(replied("2022-03-08"), replied("2022-03-09"),
                replied("2022-03-10")));
        realTime();
        for (String id : letters) {
            awaitLetter("clerk", id, versions.get(id));
        }

        // A clerk sees the month not drawn yet, without the draw.
        signIn("clerk");
        assertThat(driver.findElements(By.cssSelector("#nav a"))).extracting(WebElement::getText).contains("抽查");
        open("spot-checks/" + MONTH);
        visible(By.cssSelector("[data-spot-check='none']"));
        assertThat(driver.findElements(By.cssSelector("details[data-action='draw']"))).isEmpty();

        signIn("supervisor");
        open("spot-checks/" + MONTH);
        WebElement draw = action("draw");
        type(draw, "sampleSize", "3");
        draw.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(notice()).contains("已抽取样本");
        WebElement facts = visible(By.cssSelector("[data-spot-check='open']"));
        JsonNode server = ok(get("auditor", "/api/spot-checks/" + MONTH)).body();
        assertThat(facts.findElement(By.cssSelector("[data-seed]")).getText())
                .isEqualTo(String.valueOf(server.path("seed").asLong()));
        assertThat(driver.findElements(By.cssSelector("tr[data-sample]"))).extracting(r -> r.getAttribute("data-sample"))
                .containsExactlyElementsOf(drawn(server))
                .containsExactlyInAnyOrderElementsOf(letters);
        // A second draw of the same month is refused, in Chinese.
        Object again = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/api.js').then(({ api }) => api.post('/api/spot-checks', { month: arguments[0] }))
                  .then(() => done(200), (e) => done(e.status));
                """, MONTH);
        assertThat(((Number) again).intValue()).isEqualTo(409);
        assertThat(problem()).contains("该月已抽取过样本");

        signIn("reviewer");
        open("spot-checks/" + MONTH);
        WebElement first = action("result-1");
        choose(first, "result", "OK");
        type(first, "note", "答复内容与核实情况一致");
        first.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> d.findElement(By.cssSelector("tr[data-sample] [data-result]")).getAttribute("data-result")
                .equals("OK"));
        WebElement second = action("result-2");
        choose(second, "result", "ERROR");
        type(second, "note", "补发积分数额与账单不符");
        second.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> d.findElements(By.cssSelector("tr[data-sample] [data-result='ERROR']")).size() == 1);
        List<WebElement> rows = driver.findElements(By.cssSelector("tr[data-sample]"));
        assertThat(rows.get(0).getText()).contains("无误", "答复内容与核实情况一致", "reviewer");
        assertThat(rows.get(1).getText()).contains("有误", "补发积分数额与账单不符", "待更正");
        assertThat(rows.get(2).findElement(By.cssSelector("[data-result]")).getText()).isEqualTo("未检查");
        assertThat(driver.findElement(By.cssSelector("[data-complete]")).getText()).isEqualTo("进行中");
        JsonNode recorded = ok(get("auditor", "/api/spot-checks/" + MONTH)).body();
        assertThat(recorded.path("checked").asInt()).isEqualTo(2);
        assertThat(recorded.path("errors").asInt()).isEqualTo(1);
        assertAccessible("spot-checks");
        screenshot("18-spot-checks");

        // A clerk reads the draw and its results but records nothing; forced, the server refuses it.
        signIn("clerk");
        open("spot-checks/" + MONTH);
        visible(By.cssSelector("tr[data-sample]"));
        assertThat(driver.findElements(By.cssSelector("details[data-action^='result-']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("details[data-action='draw']"))).isEmpty();
        Object status = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/api.js').then(({ api }) => api.post(arguments[0], { result: 'OK', note: '无误' }))
                  .then(() => done(200), (e) => done(e.status));
                """, "/api/spot-checks/" + MONTH + "/letters/" + letters.get(2));
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(problem()).contains("您的角色无权执行此操作");
        assertThat(ok(get("auditor", "/api/spot-checks/" + MONTH)).body().path("checked").asInt()).isEqualTo(2);
    }
}
