package org.letterdesk.app.database;

import org.springframework.boot.context.properties.bind.Binder;

import java.time.Duration;

/**
 * How long anything waits for the database ({@code letterdesk.database.*}, docs/operations.md).
 *
 * @param statementTimeout         longest statement (PostgreSQL cancels it)
 * @param lockTimeout              longest wait for a lock
 * @param idleInTransactionTimeout longest pause inside an open transaction before PostgreSQL ends the session
 * @param socketTimeout            longest wait of the driver for any answer (a frozen or vanished server)
 * @param healthTimeout            longest the health check waits before it reports the database DOWN
 * @param retryAfter               what a 503 DB_UNAVAILABLE tells clients to wait
 */
public record DatabaseWaits(Duration statementTimeout, Duration lockTimeout, Duration idleInTransactionTimeout,
                            Duration socketTimeout, Duration healthTimeout, Duration retryAfter) {

    public static DatabaseWaits from(Binder binder) {
        return new DatabaseWaits(
                duration(binder, "statement-timeout", Duration.ofSeconds(5)),
                duration(binder, "lock-timeout", Duration.ofSeconds(3)),
                duration(binder, "idle-in-transaction-timeout", Duration.ofSeconds(10)),
                duration(binder, "socket-timeout", Duration.ofSeconds(15)),
                duration(binder, "health-timeout", Duration.ofSeconds(2)),
                duration(binder, "retry-after", Duration.ofSeconds(5)));
    }

    private static Duration duration(Binder binder, String name, Duration fallback) {
        return binder.bind("letterdesk.database." + name, Duration.class).orElse(fallback);
    }
}
