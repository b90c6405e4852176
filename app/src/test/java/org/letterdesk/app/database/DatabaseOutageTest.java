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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on an embedded PostgreSQL of its own, which the test kills and freezes: requests answer 503
 * DB_UNAVAILABLE with Retry-After and health says DOWN while it is gone, and commands succeed again once the
 * watchdog has restarted it (or it thaws), with nothing acknowledged lost. The watchdog waits 15 s before
 * restarting, so that the outage can be seen.
 */
@DisabledIfEnvironmentVariable(named = "LETTERDESK_TEST_DB_URL", matches = ".+")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest extends ApiTestSupport {

    private static final Duration RESTART_DELAY = Duration.ofSeconds(15);

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
        List<String> acknowledged = new ArrayList<>();
        register(year, acknowledged);
        assertThat(acknowledged).hasSize(1);

        ProcessHandle postmaster = server.postmaster();
        long killedAt = System.nanoTime();
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster.pid())).start().waitFor();

        // Backends notice their postmaster's death within moments; until then a command may still succeed.
        Reply command = register(year, acknowledged);
        while (command.status() == 201 && millisSince(killedAt) < 5_000) {
            command = register(year, acknowledged);
        }
        long commandMillis = millisSince(killedAt);
        assertUnavailable(command);
        Reply health = awaitHealth("DOWN");
        long healthMillis = millisSince(killedAt);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().at("/components/db/status").asString()).as(health.text()).isEqualTo("DOWN");
        assertUnavailable(get("supervisor", "/api/register?from=" + year + "-04-01&to=" + year + "-04-30"));
        System.out.printf("Database killed: first 503 DB_UNAVAILABLE after %d ms, health DOWN after %d ms%n",
                commandMillis, healthMillis);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> register(year, acknowledged).status() == 201);
        System.out.printf("Database back and a command acknowledged %d ms after the kill%n", millisSince(killedAt));
        long since = killedAt;
        assertThat(server.postmaster().pid()).isNotEqualTo(postmaster.pid());
        awaitHealth("UP");
        // Nothing acknowledged was lost, and the projection goes on.
        awaitProjected(acknowledged, since);
    }

    @Test
    void whileTheDatabaseIsFrozenRequestsAnswer503AndHealthIsDownWithinSeconds() throws Exception {
        int year = freshYear();
        List<String> acknowledged = new ArrayList<>();
        register(year, acknowledged);
        ProcessHandle postmaster = server.postmaster();
        long frozenAt = System.nanoTime();
        // The postmaster first, so that it forks no backend the list below would miss.
        List<ProcessHandle> frozen = new ArrayList<>(List.of(postmaster));
        signal("STOP", frozen);
        try {
            List<ProcessHandle> children = PostmasterProcesses.serverProcesses(server.dataDirectory()).stream()
                    .filter(p -> p.pid() != postmaster.pid()).toList();
            signal("STOP", children);
            frozen.addAll(children);

            Reply health = awaitHealth("DOWN");
            long healthMillis = millisSince(frozenAt);
            Reply command = register(year, acknowledged);
            long commandMillis = millisSince(frozenAt);
            System.out.printf("Database frozen: health DOWN after %d ms, command %d after %d ms%n", healthMillis,
                    command.status(), commandMillis);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().at("/components/db/status").asString()).as(health.text()).isEqualTo("DOWN");
            assertUnavailable(command);
        } finally {
            signal("CONT", frozen);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> register(year, acknowledged).status() == 201);
        assertThat(server.postmaster().pid()).isEqualTo(postmaster.pid()); // thawed, not restarted
        long since = frozenAt;
        awaitProjected(acknowledged, since);
    }

    /**
     * Every acknowledged letter reaches the read model. The projection retries failed batches with a growing pause
     * (Axon's back-off, up to a minute), so after an outage it may take some seconds to resume.
     */
    private void awaitProjected(List<String> letterIds, long since) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> letterIds.stream()
                .allMatch(id -> get("clerk", "/api/letters/" + id).status() == 200));
        System.out.printf("All %d acknowledged letters projected %d ms after the outage began%n", letterIds.size(),
                millisSince(since));
    }

    /** Registers a letter of {@code year}; an acknowledged one is noted. */
    private Reply register(int year, List<String> acknowledged) {
        Reply reply = post("clerk", "/api/letters", letter(year + "-04-01T10:00:00+08:00"));
        if (reply.status() == 201) {
            acknowledged.add(reply.body().get("letterId").asString());
        }
        return reply;
    }

    /** Health as soon as it says {@code status}: within seconds, or the test fails. */
    private Reply awaitHealth(String status) {
        Reply[] last = new Reply[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get(null, "/actuator/health");
            return status.equals(last[0].body().path("status").asString());
        });
        return last[0];
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
