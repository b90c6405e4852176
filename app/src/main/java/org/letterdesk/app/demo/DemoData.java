package org.letterdesk.app.demo;

import org.letterdesk.app.demo.DemoLetter.Stage;
import org.letterdesk.app.demo.DemoLetter.Twist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a fresh installation with a realistic month of letters ({@code --letterdesk.demo-data}): letters in every
 * stage of the procedure, each step done by the demo user whose role it is, through the public HTTP API — the same
 * checks as for anyone. Every command carries an Idempotency-Key, and a second run finds the first one's key and does
 * nothing. Needs the demo users (not in the prod profile).
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String KEY_PREFIX = "demo-data:";
    private static final String FIRST_KEY = KEY_PREFIX + "1:register";

    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean demoUsers;

    DemoData(Environment environment, JdbcTemplate jdbc, JsonMapper json, Clock clock,
             ZoneId zone,
             @Value("${letterdesk.security.demo-users:false}") boolean demoUsers) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.demoUsers = demoUsers;
    }

    /** {@code --letterdesk.demo-data} (or {@code =true}) on the command line or in the configuration. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        String flag = environment.getProperty("letterdesk.demo-data");
        if (flag != null && !flag.equalsIgnoreCase("false")) {
            fill();
        }
    }

    /** Registers and advances the demo month unless it is there already; answers how many letters it registered. */
    public synchronized int fill() {
        if (!demoUsers) {
            log.warn("Demo data needs the demo users (letterdesk.security.demo-users); nothing was added");
            return 0;
        }
        Integer present = jdbc.queryForObject("SELECT count(*) FROM idempotent_request WHERE user_name = 'clerk'"
                + " AND idempotency_key = ?", Integer.class, FIRST_KEY);
        if (present != null && present > 0) {
            log.info("Demo data is present already; nothing was added");
            return 0;
        }
        Api api = new Api(RestClient.builder()
                .baseUrl("http://localhost:" + environment.getRequiredProperty("local.server.port"))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new IllegalStateException("Demo data refused: " + response.getStatusCode() + " "
                            + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                })
                .build());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        int n = 0;
        for (DemoLetter letter : DemoLetters.MONTH) {
            n++;
            new Walk(api, n, letter, now).run();
        }
        log.info("Demo data: {} letters registered and taken through the procedure", n);
        return n;
    }

    /** One letter taken through the procedure, step by step, each by its role's demo user. */
    private final class Walk {

        private final Api api;
        private final int n;
        private final DemoLetter letter;
        private final ZonedDateTime now;
        private String letterId;

        Walk(Api api, int n, DemoLetter letter, ZonedDateTime now) {
            this.api = api;
            this.n = n;
            this.letter = letter;
            this.now = now;
        }

        void run() {
            register();
            if (!letter.reached(Stage.ASSIGNED)) {
                return;
            }
            send("clerk", "assign", "assignment", Map.of("department", letter.department(),
                    "assignee", letter.assignee()));
            send(letter.assignee(), "first-contact", "first-contact", Map.of("channel", "PHONE",
                    "note", "已电话联系发件人，告知已受理并将在时限内答复"));
            if (letter.complex() || letter.major()) {
                send(letter.assignee(), "flags", "flags", Map.of("personalData", false, "financialInfo", false,
                        "major", letter.major(), "complex", letter.complex(), "note", "多次来函，需重点跟进"));
            }
            if (!letter.reached(Stage.DRAFTED)) {
                return;
            }
            if (letter.has(Twist.WORDING_FINDING)) {
                draft("draft-with-finding", true);
                if (!letter.reached(Stage.FORMAT_APPROVED)) {
                    return;
                }
            }
            draft("draft", false);
            if (!letter.reached(Stage.FORMAT_APPROVED)) {
                return;
            }
            review("reviewer", "format", "FORMAT", "APPROVED", "格式规范，无错别字");
            if (letter.has(Twist.REJECTED)) {
                review("supervisor", "supervisor-rejects", "SUPERVISOR", "REJECTED", "请补充电子发票补开的具体时限");
                draft("redraft", false);
                review("reviewer", "format-again", "FORMAT", "APPROVED", "已补充，格式规范");
            }
            if (!letter.reached(Stage.APPROVED)) {
                return;
            }
            review("supervisor", "supervisor", "SUPERVISOR", "APPROVED", "答复策略妥当");
            if (letter.major()) {
                review("director", "director", "DIRECTOR", "APPROVED", "同意答复，请跟进落实");
            }
            if (letter.has(Twist.DELAYED)) {
                send(letter.assignee(), "delay", "delay", Map.of("reason", "需财务部门核对历史账单",
                        "expectedCompletion", now.plusDays(3).toOffsetDateTime().toString()));
            }
            if (!letter.reached(Stage.SENT)) {
                return;
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            if (letter.sender().email() != null) {
                reply.put("channel", "EMAIL");
                reply.put("recipient", letter.sender().email());
            } else {
                reply.put("channel", "REGISTERED_MAIL");
                reply.put("recipient", letter.sender().name());
                reply.put("trackingNo", "XA" + (700000000 + n * 7919));
            }
            send(letter.assignee(), "reply", "reply", reply);
            if (letter.has(Twist.CORRECTED)) {
                JsonNode correction = send(letter.assignee(), "correction", "corrections", Map.of(
                        "whatWasWrong", "答复中的办理时限写成了五个工作日", "correctedContent", "办理时限应为三个工作日",
                        "cause", "DATA_ERROR", "foundBy", n % 2 == 0 ? "CUSTOMER_CALLBACK" : "INTERNAL_SPOT_CHECK"));
                send("supervisor", "sign-off", "corrections/" + correction.path("correctionNo").asInt() + "/sign-off",
                        Map.of("note", "更正内容无误，同意发出"));
            }
            if (letter.has(Twist.DISPUTE_OPEN) || letter.has(Twist.DISPUTE_INVESTIGATED)
                    || letter.has(Twist.DISPUTE_RESOLVED)) {
                JsonNode dispute = send("clerk", "dispute", "disputes", Map.of(
                        "points", "发件人认为处理时间过长，要求赔偿误工损失",
                        "senderView", "多次等待维修人员，造成误工", "organizationView", "已按流程安排，延误系配件缺货所致"));
                int disputeNo = dispute.path("disputeNo").asInt();
                if (!letter.has(Twist.DISPUTE_OPEN)) {
                    send(letter.assignee(), "investigation", "disputes/" + disputeNo + "/investigation", Map.of(
                            "findings", "配件缺货属实，但未及时告知客户，沟通存在不足"));
                }
                if (letter.has(Twist.DISPUTE_RESOLVED)) {
                    send("supervisor", "resolution", "disputes/" + disputeNo + "/resolution", Map.of(
                            "outcome", "向客户致歉并减免一个月服务费，客户接受", "escalated", false));
                }
            }
            if (!letter.reached(Stage.CLOSED)) {
                return;
            }
            if (letter.complex()) {
                send(letter.assignee(), "follow-up", "follow-up", Map.of("note", "电话回访，客户表示问题已解决",
                        "satisfied", true));
            }
            if (letter.reached(Stage.ARCHIVED)) {
                send("archivist", "archive", "archive", Map.of());
            }
        }

        private void register() {
            ZonedDateTime received = now.toLocalDate().minusDays(letter.daysAgo())
                    .atTime(LocalTime.of(letter.hour(), (n * 13) % 60)).atZone(zone);
            if (received.isAfter(now)) {
                received = now.minusMinutes(20);
            }
            Map<String, Object> sender = new LinkedHashMap<>();
            sender.put("name", letter.sender().name());
            sender.put("organization", letter.sender().organization());
            sender.put("phone", letter.sender().phone());
            sender.put("email", letter.sender().email());
            sender.put("address", letter.sender().address());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channel", letter.channel());
            body.put("receivedAt", received.toOffsetDateTime().toString());
            body.put("sender", sender);
            body.put("subject", letter.subject());
            body.put("coreRequest", letter.coreRequest());
            body.put("category", letter.category());
            body.put("remarks", letter.remarks());
            body.put("urgentReason", letter.urgentReason());
            if (n % 4 == 1) {
                body.put("attachments", List.of(Map.of("fileName", "来函扫描件.pdf", "contentType", "application/pdf",
                        "sizeBytes", 182_044, "sha256", "%064x".formatted(n))));
            }
            letterId = api.post("clerk", KEY_PREFIX + n + ":register", "/api/letters", body).path("letterId")
                    .asString();
        }

        private void draft(String step, boolean withFinding) {
            String name = letter.sender().name();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("salutation", name); // the template writes 尊敬的…：
            body.put("summary", "您好！感谢您对我们工作的信任与支持。关于您反映的“" + letter.subject()
                    + "”一事，我们已认真核实，现答复如下。");
            body.put("points", List.of(
                    withFinding ? "我们保证在三个工作日内处理完毕。" : "我们已安排专人跟进，将在三个工作日内处理完毕并告知结果。",
                    "如您对处理结果有疑问，可拨打客服热线 400-800-1234（工作日 9:00–18:00）咨询。"));
            if (letter.complex()) {
                body.put("alternatives", List.of("由维修人员上门处理，并减免当月服务费。",
                        "为您更换同型号新设备，旧设备由我们回收。"));
            }
            send(letter.assignee(), step, "drafts", body);
        }

        private void review(String user, String step, String level, String decision, String comment) {
            send(user, step, "reviews", Map.of("level", level, "decision", decision, "comment", comment));
        }

        private JsonNode send(String user, String step, String path, Map<String, ?> body) {
            return api.post(user, KEY_PREFIX + n + ":" + step, "/api/letters/" + letterId + "/" + path, body);
        }
    }

    private final class Api {

        private final RestClient http;

        Api(RestClient http) {
            this.http = http;
        }

        JsonNode post(String user, String idempotencyKey, String path, Object body) {
            String text = http.post().uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body))
                    .retrieve().body(String.class);
            return json.readTree(text == null ? "{}" : text);
        }
    }
}
