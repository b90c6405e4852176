package org.letterdesk.app.database;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.letterdesk.app.ApiTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on an embedded PostgreSQL of its own, which the test kills and freezes: requests answer 503
 * DB_UNAVAILABLE with Retry-After and health says DOWN while it is gone, and commands succeed again once the
 * watchdog has restarted it (or it thaws). The watchdog waits 8 s before restarting, so the outage can be seen.
 */
@DisabledIfEnvironmentVariable(named = "LETTERDESK_TEST_DB_URL", matches = ".+")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest extends ApiTestSupport {

    private static final Duration RESTART_DELAY = Duration.ofSeconds(8);

    @Autowired
    EmbeddedPostgresServer server;

    @DynamicPropertySource
    static void ownServer(DynamicPropertyRegistry registry) {
        registry.add("letterdesk.embedded-db.data-dir", () -> "target/outage-test/pg-" + UUID.randomUUID());
        registry.add("letterdesk.embedded-db.watchdog.restart-delay", RESTART_DELAY::toString);
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    /** A test that failed half-way may have left the database down; each starts with it up. */
    @BeforeEach
    void databaseUp() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                "UP".equals(get(null, "/actuator/health").body().path("status").asString()));
    }

    @Test
    void theEmbeddedServerTheAppStartsIsDurable() {
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("postgres");
    }

    @Test
    void whileTheDatabaseIsDeadRequestsAnswer503AndHealthIsDownUntilTheWatchdogHasRestartedIt() throws Exception {
        int year = freshYear();
        assertThat(post("clerk", "/api/letters", letter(year + "-04-01T10:00:00+08:00")).status()).isEqualTo(201);
        assertThat(get(null, "/actuator/health").body().path("status").asString()).isEqualTo("UP");

        ProcessHandle postmaster = server.postmaster();
        long killedAt = System.nanoTime();
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster.pid())).start().waitFor();

        Reply health = get(null, "/actuator/health");
        long healthMillis = millisSince(killedAt);
        Reply command = post("clerk", "/api/letters", letter(year + "-04-02T10:00:00+08:00"));
        long commandMillis = millisSince(killedAt);
        Reply query = get("supervisor", "/api/register?from=" + year + "-04-01&to=" + year + "-04-30");
        System.out.printf("Database killed: health %s after %d ms, command %d after %d ms, query %d%n",
                health.body().path("status").asString(), healthMillis, command.status(), commandMillis,
                query.status());

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().path("status").asString()).isEqualTo("DOWN");
        assertThat(health.body().at("/components/db/status").asString()).as(health.text()).isEqualTo("DOWN");
        assertUnavailable(command);
        assertUnavailable(query);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                post("clerk", "/api/letters", letter(year + "-04-03T10:00:00+08:00")).status() == 201);
        System.out.printf("Database back and a command acknowledged %d ms after the kill%n", millisSince(killedAt));
        assertThat(server.postmaster().pid()).isNotEqualTo(postmaster.pid());
        assertThat(get(null, "/actuator/health").body().path("status").asString()).isEqualTo("UP");
        // Nothing acknowledged before the kill was lost, and the projection goes on.
        Reply register = get("supervisor", "/api/register?from=" + year + "-04-01&to=" + year + "-04-30");
        assertThat(register.status()).isEqualTo(200);
        awaitUntil(() -> get("supervisor", "/api/register?from=" + year + "-04-01&to=" + year + "-04-30")
                .body().path("total").asLong() == 2);
    }

    @Test
    void whileTheDatabaseIsFrozenRequestsAnswer503AndHealthIsDownWithinSeconds() throws Exception {
        int year = freshYear();
        assertThat(post("clerk", "/api/letters", letter(year + "-05-01T10:00:00+08:00")).status()).isEqualTo(201);
        List<ProcessHandle> frozen = PostmasterProcesses.serverProcesses(server.dataDirectory());
        assertThat(frozen).isNotEmpty();
        long frozenAt = System.nanoTime();
        signal("STOP", frozen);
        try {
            Reply health = get(null, "/actuator/health");
            long healthMillis = millisSince(frozenAt);
            Reply command = post("clerk", "/api/letters", letter(year + "-05-02T10:00:00+08:00"));
            long commandMillis = millisSince(frozenAt);
            System.out.printf("Database frozen: health %s after %d ms, command %d after %d ms%n",
                    health.body().path("status").asString(), healthMillis, command.status(), commandMillis);
            System.out.println("Health while frozen: " + health.text());
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("status").asString()).isEqualTo("DOWN");
            assertThat(health.body().at("/components/db/status").asString()).as(health.text()).isEqualTo("DOWN");
            assertUnavailable(command);
        } finally {
            signal("CONT", frozen);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                post("clerk", "/api/letters", letter(year + "-05-03T10:00:00+08:00")).status() == 201);
        assertThat(server.postmaster().pid()).isEqualTo(frozen.stream()
                .filter(p -> PostmasterProcesses.isPostmasterOf(p.pid(), server.dataDirectory()))
                .findFirst().orElseThrow().pid()); // thawed, not restarted
    }

    private static void assertUnavailable(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("DB_UNAVAILABLE");
        assertThat(reply.headers().getFirst("Retry-After")).isEqualTo("5");
        assertThat(reply.headers().getContentType().isCompatibleWith(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle process : processes) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
