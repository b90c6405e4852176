package org.letterdesk.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.letterdesk.database.LongStatements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Migrations copy and index whole tables (V10 copies every event), far beyond an ordinary statement's bound: the
 * connections Flyway borrows get {@code letterdesk.database.long-statement-timeout} for their statements, lock waits,
 * idle transactions and the driver's reads, and are given back to the pool with the ordinary bounds restored.
 */
@Component
class MigrationWaits implements FlywayConfigurationCustomizer {

    private static final String[] SETTINGS = {"statement_timeout", "lock_timeout",
            "idle_in_transaction_session_timeout"};

    private final Duration longStatementTimeout;

    MigrationWaits(@Value("${letterdesk.database.long-statement-timeout:PT1H}") Duration longStatementTimeout) {
        this.longStatementTimeout = longStatementTimeout;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource pool = configuration.getDataSource();
        if (pool != null) {
            configuration.dataSource(new LongWaits(pool, longStatementTimeout));
        }
    }

    private static final class LongWaits extends DelegatingDataSource {

        private final Duration timeout;

        LongWaits(DataSource pool, Duration timeout) {
            super(pool);
            this.timeout = timeout;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            execute(connection, "SET %s = " + timeout.toMillis());
            // The driver's read timeout too (socket-timeout, 15 s): a migration statement answers only when done.
            int networkTimeout = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, LongStatements.networkTimeout(timeout));
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            restoreAndClose(connection, networkTimeout);
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private void restoreAndClose(Connection connection, int networkTimeout) throws SQLException {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // nothing of Flyway's is left open by now; RESET needs a usable session
                }
                execute(connection, "RESET %s");
                connection.setNetworkTimeout(Runnable::run, networkTimeout);
            } catch (SQLException e) {
                // A connection whose bounds could not be restored must not go back into the pool.
                if (getTargetDataSource() instanceof HikariDataSource hikari) {
                    hikari.evictConnection(connection);
                    return;
                }
                throw e;
            }
            connection.close();
        }

        private static void execute(Connection connection, String template) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (String setting : SETTINGS) {
                    statement.execute(template.formatted(setting));
                }
            }
        }
    }
}
