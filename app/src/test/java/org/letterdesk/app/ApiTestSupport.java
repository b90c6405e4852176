package org.letterdesk.app;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the whole application on a random port against real PostgreSQL: the embedded server by default, or the
 * one named by LETTERDESK_TEST_DB_URL. Tests never assume an empty database: each picks its own data (e.g. its
 * own receipt year for serial numbers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestSupport {

    private static final AtomicInteger YEARS = new AtomicInteger((int) (System.nanoTime() % 99));

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected JsonMapper json;
    protected RestClient http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = System.getProperty("letterdesk.test.db-url", System.getenv("LETTERDESK_TEST_DB_URL"));
        if (url != null && !url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> System.getenv().getOrDefault(
                    "LETTERDESK_TEST_DB_USER", "postgres"));
            registry.add("spring.datasource.password", () -> System.getenv().getOrDefault(
                    "LETTERDESK_TEST_DB_PASSWORD", ""));
        }
    }

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                })
                .build();
    }

    /**
     * A receipt year no other test uses in this database, so serial numbers of that year start at 000001. Only
     * years in which Shanghai kept +08:00 all year (no daylight saving time), so expected offsets hold.
     */
    protected int freshYear() {
        for (int tried = 0; tried < FRESH_YEARS.size(); tried++) {
            int year = FRESH_YEARS.get(Math.floorMod(YEARS.getAndIncrement(), FRESH_YEARS.size()));
            Integer used = jdbc.queryForObject("SELECT count(*) FROM register_serial WHERE serial_year = ?",
                    Integer.class, year);
            if (used == 0) {
                return year;
            }
        }
        throw new IllegalStateException("Every fresh year (" + FRESH_YEARS.size() + ") already has letters in this "
                + "database: a test class should share one year among its tests");
    }

    private static final List<Integer> FRESH_YEARS = IntStream.rangeClosed(1950, 1999)
            .filter(year -> year < 1986 || year > 1991) // Shanghai had summer time in 1986–1991
            .boxed().toList();

    public record Reply(int status, HttpHeaders headers, JsonNode body, String text) {
        public String code() {
            return body.path("code").asString();
        }
    }

    /** The reply, after asserting it is a 200. */
    protected static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    /** The reply, after asserting it is a 201. */
    protected static Reply created(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply;
    }

    protected Reply post(String user, String path, Object body) {
        return exchange(user, "POST", path, body, Map.of());
    }

    protected Reply post(String user, String path, Object body, Map<String, String> headers) {
        return exchange(user, "POST", path, body, headers);
    }

    protected Reply get(String user, String path) {
        return exchange(user, "GET", path, null, Map.of());
    }

    protected Reply exchange(String user, String method, String path, Object body, Map<String, String> headers) {
        var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (user != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, basic(user));
        }
        for (var h : headers.entrySet()) {
            spec = spec.header(h.getKey(), h.getValue());
        }
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON)
                    .body(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            JsonNode node = text.isBlank() || !text.strip().matches("(?s)^[\\[{].*")
                    ? json.createObjectNode() : json.readTree(text);
            return new Reply(response.getStatusCode().value(), response.getHeaders(), node, text);
        });
    }

    protected static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** A valid registration body, received at the given instant (ISO with offset). */
    protected static Map<String, Object> letter(String receivedAt) {
        return Map.of(
                "channel", "LETTER",
                "receivedAt", receivedAt,
                "sender", Map.of("name", "张三", "phone", "13800138000", "email", "zhang.san@example.com",
                        "address", "上海市浦东新区世纪大道100号"),
                "subject", "会员积分未到账",
                "coreRequest", "请核实三月份消费积分并补发",
                "category", "COMPLAINT",
                "attachments", java.util.List.of(Map.of("fileName", "receipt.jpg", "contentType", "image/jpeg",
                        "sizeBytes", 20480, "sha256", "a".repeat(64))),
                "remarks", "来信附收据复印件");
    }

    /**
     * The letter once its view has reached the version. The server waits a few seconds for it; as the API tells a
     * client, a 503 PROJECTION_NOT_CAUGHT_UP is retried (a freshly started application's processors may still be
     * claiming their segments on a busy machine).
     */
    protected JsonNode awaitLetter(String user, String letterId, long minVersion) {
        String path = "/api/letters/" + letterId + "?minVersion=" + minVersion;
        Reply reply = get(user, path);
        for (int retry = 0; retry < 5 && reply.status() == 503
                && "PROJECTION_NOT_CAUGHT_UP".equals(reply.body().path("code").asString()); retry++) {
            reply = get(user, path);
        }
        if (reply.status() != 200) {
            throw new AssertionError("letter " + letterId + " not readable: " + reply.text());
        }
        return reply.body();
    }

    protected void awaitUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(condition);
    }
}
