package org.letterdesk.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The single-machine default: with no {@code spring.datasource.url} configured, start an embedded PostgreSQL
 * (real PostgreSQL binaries) whose data directory survives restarts, and connect to it with its generated password.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "")
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${letterdesk.embedded-db.data-dir:./data/postgres}") String dataDir,
            @Value("${letterdesk.embedded-db.port:0}") int port,
            @Value("${letterdesk.embedded-db.watchdog.interval:PT1S}") Duration watchdogInterval,
            @Value("${letterdesk.embedded-db.watchdog.restart-delay:PT1S}") Duration restartDelay) {
        // Shared per data directory and stopped when the JVM exits, not with this context (see the server).
        return EmbeddedPostgresServer.shared(dataDir, port,
                new EmbeddedPostgresServer.Watchdog(watchdogInterval, restartDelay));
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl("postgres"));
        ds.setUsername(server.user());
        ds.setPassword(server.password());
        return ds;
    }
}
