package org.letterdesk.app.web;

import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures seen in the reliability suite's database freeze, classified from their causes. */
class DatabaseFailureTest {

    @Test
    void aRollbackRefusedByTheConnectionPoolAfterTheConnectionDiedMeansTheDatabaseIsUnreachable() {
        // As the pool reports it when the statement's socket timed out and the connection was closed meanwhile.
        RuntimeException rollbackFailed = new JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(DatabaseFailure.of(rollbackFailed)).contains(DatabaseFailure.UNREACHABLE);
    }

    @Test
    void otherFailuresWithoutSqlStateAreNotDatabaseOutages() {
        assertThat(DatabaseFailure.of(new JpaSystemException(new RuntimeException(new SQLException("Bad thing")))))
                .isEmpty();
    }
}
