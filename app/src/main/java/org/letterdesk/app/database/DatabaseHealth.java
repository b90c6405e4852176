package org.letterdesk.app.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The health of the database ({@code db} in /actuator/health), answered within
 * {@code letterdesk.database.health-timeout} whatever the database does. Spring Boot's own check waits as long as
 * the database does (a frozen one: for the whole freeze) and then reports UP. The check runs on a thread of its
 * own; while one is still waiting, later requests wait on that one instead of piling up more.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running;

    DatabaseHealth(DataSource dataSource, DatabaseWaits waits) {
        this.dataSource = dataSource;
        this.timeout = waits.healthTimeout();
    }

    @Override
    public Health health() {
        Future<Health> check;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = checker.submit(this::check);
            }
            check = running;
        }
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + timeout).build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    private Health check() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            int seconds = (int) Math.max(1, timeout.toSeconds());
            return connection.isValid(seconds)
                    ? Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName()).build()
                    : Health.down().withDetail("error", "the connection did not answer").build();
        }
    }
}
