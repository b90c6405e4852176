package org.letterdesk.app.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Migrations copy and index whole tables (V10 copies every event), far beyond an ordinary statement's bound: Flyway's
 * connections get {@code letterdesk.database.long-statement-timeout} for their statements and lock waits instead.
 */
@Component
class MigrationWaits implements FlywayConfigurationCustomizer {

    private final Duration longStatementTimeout;

    MigrationWaits(@Value("${letterdesk.database.long-statement-timeout:PT1H}") Duration longStatementTimeout) {
        this.longStatementTimeout = longStatementTimeout;
    }

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        long millis = longStatementTimeout.toMillis();
        configuration.initSql("SET statement_timeout = " + millis + "; SET lock_timeout = " + millis
                + "; SET idle_in_transaction_session_timeout = " + millis);
    }
}
