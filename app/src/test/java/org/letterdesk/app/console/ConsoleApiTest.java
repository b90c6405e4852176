package org.letterdesk.app.console;

import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.letterdesk.app.demo.DemoData;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the API gained for the console: who am I, a letter's timeline, the live work list, the typing-time check. */
class ConsoleApiTest extends ApiTestSupport {

    @Autowired
    DemoData demoData;

    private String registered() {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();
        return post("clerk", "/api/letters", letter(receivedAt)).body().path("letterId").asString();
    }

    @Test
    void meNamesTheUserAndAllTheirRoles() {
        Reply me = get("lead", "/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("user").asString()).isEqualTo("lead");
        assertThat(me.body().path("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("HANDLER", "REVIEWER", "SUPERVISOR");
        assertThat(get(null, "/api/me").status()).isEqualTo(401);
    }

    @Test
    void theTimelineTellsWhoDidWhatWithoutPersonalData() {
        String letterId = registered();
        post("clerk", "/api/letters/" + letterId + "/assignment", Map.of("department", "BUSINESS",
                "assignee", "handler"));
        long version = post("handler", "/api/letters/" + letterId + "/drafts", Map.of(
                "summary", "关于积分一事，现答复如下。", "points", List.of("我们保证今日补发。"))).body().path("version")
                .asLong();
        awaitLetter("clerk", letterId, version);

        Reply timeline = get("clerk", "/api/letters/" + letterId + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        List<JsonNode> entries = timeline.body().valueStream().toList();
        assertThat(entries).extracting(e -> e.path("type").asString())
                .containsSubsequence("LetterReceived", "LetterAssigned", "ReplyDrafted");
        assertThat(entries).extracting(e -> e.path("sequence").asLong()).isSorted();
        JsonNode drafted = entries.stream().filter(e -> e.path("type").asString().equals("ReplyDrafted"))
                .findFirst().orElseThrow();
        assertThat(drafted.path("actor").path("user").asString()).isEqualTo("handler");
        assertThat(drafted.path("actor").path("role").asString()).isEqualTo("HANDLER");
        assertThat(drafted.path("summary").asString()).isEqualTo("撰写答复草稿第 1 稿，措辞检查发现 1 处问题");
        assertThat(entries.get(0).path("summary").asString()).startsWith("登记收件（来函，投诉），序号 ");
        assertThat(entries).allSatisfy(e -> assertThat(e.path("occurredAt").asString()).isNotBlank());
        // The sender's phone, e-mail and address stay out of the timeline (the auditors' history has them).
        assertThat(timeline.text()).doesNotContain("13800138000", "zhang.san@example.com", "世纪大道", "张三");

        assertThat(get("clerk", "/api/letters/" + java.util.UUID.randomUUID() + "/timeline").code())
                .isEqualTo("LETTER_NOT_FOUND");
        assertThat(get(null, "/api/letters/" + letterId + "/timeline").status()).isEqualTo(401);
    }

    @Test
    void theWordingCheckFindsWhileTypingAndRecordsNothing() {
        String letterId = registered();
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        Reply check = post("handler", "/api/wording-check", Map.of("summary", "亲~您好",
                "points", List.of("我们保证处理", "老客户可享受优惠"), "glossary", List.of(Map.of("term", "积分",
                        "explanation", "百分百到账"))));
        assertThat(check.status()).isEqualTo(200);
        List<JsonNode> findings = check.body().path("findings").valueStream().toList();
        assertThat(findings).extracting(f -> f.path("rule").asString() + " " + f.path("text").asString() + " "
                        + f.path("field").asString() + "@" + f.path("position").asInt())
                .containsExactly("SLANG 亲~ summary@0", "ABSOLUTE_PROMISE 保证 points[0]@2",
                        "NON_BRAND_TERM 老客户 points[1]@0", "ABSOLUTE_PROMISE 百分百 glossary[0]@3");
        assertThat(findings.get(2).path("suggestion").asString()).isEqualTo("XX会员");
        assertThat(post("handler", "/api/wording-check", Map.of()).body().path("findings").isEmpty()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .as("no event for a check").isEqualTo(before);
        assertThat(post("handler", "/api/wording-check", Map.of("summary", "长".repeat(4001))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(post(null, "/api/wording-check", Map.of()).status()).isEqualTo(401);
        assertThat(letterId).isNotBlank();
    }

    @Test
    void theWorkListStreamSaysWhenALetterChanged() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/worklist/stream"))
                .header("Authorization", basic("handler")).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("event:ready");
            String letterId = registered();
            CompletableFuture<String> told = CompletableFuture.supplyAsync(() -> {
                try {
                    String event = null;
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6);
                        } else if (line.startsWith("data:") && "letters".equals(event) && line.contains(letterId)) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String data = told.get(20, TimeUnit.SECONDS);
            assertThat(json.readTree(data.substring(5)).path("count").asInt()).isPositive();
            // Told after the commit: the work list already shows the letter.
            assertThat(get("handler", "/api/worklist?size=500").text()).contains(letterId);
        }
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(request.uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void demoDataFillsAMonthInEveryStageOnce() {
        demoData.fill();
        assertThat(demoData.fill()).as("a second fill adds nothing").isZero();
        Map<String, String> stages = Map.of("咨询积分兑换规则", "RECEIVED", "咨询套餐变更后的资费", "ASSIGNED",
                "账户被锁定无法登录", "IN_REVIEW", "快递包裹丢失要求赔偿", "IN_REVIEW", "客服热线长时间无人接听", "APPROVED",
                "维修服务超时未完成", "SENT", "建议延长周末营业时间", "CLOSED", "会员积分三月份未到账", "ARCHIVED");
        stages.forEach((subject, status) -> awaitUntil(() -> get("supervisor", "/api/register?q=" + subject).body()
                .path("items").valueStream().anyMatch(i -> i.path("status").asString().equals(status))));
        JsonNode gas = get("supervisor", "/api/register?q=燃气表附近有异味").body().path("items").get(0);
        assertThat(gas.path("urgent").asBoolean()).isTrue();
        assertThat(get("supervisor", "/api/letters/" + gas.path("letterId").asString() + "/history").body().get(0)
                .path("actor").path("user").asString()).isEqualTo("clerk");
        assertThat(get("supervisor", "/api/disputes?size=100").body().path("total").asLong()).isPositive();
    }
}
