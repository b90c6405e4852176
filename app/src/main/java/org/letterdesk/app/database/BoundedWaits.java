package org.letterdesk.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Properties;

/**
 * Every connection of every pool (the embedded database's or an external one) starts with bounded waits: PostgreSQL
 * cancels a statement after {@code letterdesk.database.statement-timeout}, gives up a lock wait after
 * {@code lock-timeout} and ends a session left idle inside a transaction after {@code idle-in-transaction-timeout};
 * the driver gives up a read from a database that no longer answers at all (frozen, or its machine gone) after
 * {@code socket-timeout}. They are sent as the connection's start-up options, so they cost no round trip. Work that
 * legitimately runs longer (exports, rebuilds, the event store's maintenance, migrations) lifts them for its own
 * transaction only (see {@code org.letterdesk.database.LongStatements}). The same options turn PostgreSQL's JIT
 * compilation off (below).
 * <p>
 * Settings an operator already gave in {@code spring.datasource.hikari.data-source-properties.options} or
 * {@code .socketTimeout} are kept.
 */
@Component
class BoundedWaits implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(BoundedWaits.class);

    private final DatabaseWaits waits;

    BoundedWaits(Environment environment) {
        this.waits = DatabaseWaits.from(Binder.get(environment));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            apply(pool);
        }
        return bean;
    }

    private void apply(HikariDataSource pool) {
        Properties properties = pool.getDataSourceProperties();
        String options = properties.getProperty("options", "");
        options = withSetting(options, "statement_timeout", waits.statementTimeout());
        options = withSetting(options, "lock_timeout", waits.lockTimeout());
        options = withSetting(options, "idle_in_transaction_session_timeout", waits.idleInTransactionTimeout());
        // No just-in-time compilation: it pays for queries that run for seconds, but the planner switches it on by
        // estimated cost, and the register's search and the monthly analysis, estimated above its threshold and
        // done in milliseconds, spent more compiling than running (docs/benchmarks.md, Reads at scale).
        options = withSetting(options, "jit", "off");
        properties.setProperty("options", options.strip());
        if (!properties.containsKey("socketTimeout")) {
            properties.setProperty("socketTimeout", Long.toString(Math.max(1, waits.socketTimeout().toSeconds())));
        }
        if (pool.getJdbcUrl() != null && pool.getJdbcUrl().contains("options=")) {
            log.warn("The JDBC URL sets options=, which replace the bounded waits of letterdesk.database.*: "
                    + "give them there too (see docs/operations.md)");
        }
    }

    private static String withSetting(String options, String name, Duration value) {
        return withSetting(options, name, Long.toString(value.toMillis()));
    }

    private static String withSetting(String options, String name, String value) {
        if (options.contains(name + "=")) {
            return options;
        }
        return options + " -c " + name + "=" + value;
    }
}
