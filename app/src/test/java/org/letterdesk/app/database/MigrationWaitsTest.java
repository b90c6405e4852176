package org.letterdesk.app.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration statement may run for minutes (an update or index over a register of millions of rows): the
 * connections Flyway borrows wait that long, in the server and in the driver, and go back to the pool bounded again.
 */
class MigrationWaitsTest extends ApiTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void aMigrationConnectionWaitsLongAndGoesBackBounded() throws Exception {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource);
        new MigrationWaits(Duration.ofHours(1)).customize(configuration);
        try (Connection migration = configuration.getDataSource().getConnection()) {
            assertThat(show(migration, "statement_timeout")).isEqualTo("1h");
            assertThat(migration.getNetworkTimeout()).as("the driver's read timeout, ms")
                    .isGreaterThanOrEqualTo(3_600_000);
        }
        for (int i = 0; i < 3; i++) { // whichever pooled connection comes next
            try (Connection ordinary = dataSource.getConnection()) {
                assertThat(show(ordinary, "statement_timeout")).isEqualTo("5s");
                assertThat(ordinary.getNetworkTimeout()).isLessThan(3_600_000);
            }
        }
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
