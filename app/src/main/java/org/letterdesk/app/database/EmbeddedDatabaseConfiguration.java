package org.letterdesk.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The single-machine default: with no {@code spring.datasource.url} configured, start an embedded PostgreSQL
 * (real PostgreSQL binaries) whose data directory survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${letterdesk.embedded-db.data-dir:./data/postgres}") String dataDir,
                                @Value("${letterdesk.embedded-db.port:0}") int port) {
        EmbeddedPostgres pg = EmbeddedPostgresServer.start(dataDir, port);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("");
        return ds;
    }
}
