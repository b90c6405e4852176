package org.letterdesk.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Every connection starts with short bounds on its waits (statement, idle transaction, driver read; the app's
 * {@code BoundedWaits}). The few operations that legitimately run long — an export streamed to a slow client, the
 * statistics and reset of a rebuild, the rewrite of an event store partition — lift them, for their own transaction
 * or their own statements only, to {@code letterdesk.database.long-statement-timeout}. Lock waits stay bounded.
 */
public final class LongStatements {

    private static final int MARGIN_MILLIS = 10_000;

    private LongStatements() {
    }

    /**
     * For the rest of the current transaction on {@code connection}: statements may run, and the transaction may
     * stay idle between them, up to {@code timeout}. The pool restores the driver's read timeout when the
     * connection is returned.
     */
    public static void liftForTransaction(Connection connection, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = " + timeout.toMillis()
                    + "; SET LOCAL idle_in_transaction_session_timeout = " + timeout.toMillis());
        }
        connection.setNetworkTimeout(Runnable::run, networkTimeout(timeout));
    }

    /**
     * Runs {@code work} in one transaction on {@code connection}, with the bounds lifted for it
     * ({@link #liftForTransaction}): committed when the work returns, rolled back when it throws. A {@code snapshot}
     * transaction is read-only and repeatable read, so all it reads is of one instant. The connection's auto-commit
     * is restored afterwards.
     */
    public static <T> T inTransaction(Connection connection, Duration timeout, boolean snapshot, Work<T> work)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (snapshot) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
            }
            liftForTransaction(connection, timeout);
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Runs {@code work} (outside a transaction) with statements allowed up to {@code timeout}, then restores. */
    public static <T> T run(Connection connection, Duration timeout, Work<T> work) throws SQLException {
        int networkTimeout = connection.getNetworkTimeout();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + timeout.toMillis());
        }
        connection.setNetworkTimeout(Runnable::run, networkTimeout(timeout));
        try {
            return work.run(connection);
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET statement_timeout"); // back to the value the connection started with
            }
            connection.setNetworkTimeout(Runnable::run, networkTimeout);
        }
    }

    /** Work done on the connection with the bounds lifted. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * The driver's read timeout for statements allowed {@code timeout}: beyond it, so that the server's cancellation
     * arrives before the driver gives up.
     */
    public static int networkTimeout(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis() + MARGIN_MILLIS);
    }
}
