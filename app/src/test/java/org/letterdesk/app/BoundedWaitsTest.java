package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every connection of the application's pool has bounded waits: a statement running past its timeout is cancelled,
 * and a command whose row another transaction keeps locked answers 503 DB_UNAVAILABLE with Retry-After instead of
 * waiting for as long as the lock is held.
 */
class BoundedWaitsTest extends ApiTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void everyConnectionStartsWithBoundedWaits() {
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("5s");
        assertThat(jdbc.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("3s");
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("10s");
        assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
    }

    @Test
    void aStatementRunningPastTheTimeoutIsCancelled() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT pg_sleep(60)", String.class))
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("canceling statement due to statement timeout");
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(60);
    }

    @Test
    void aCommandWaitingForALockHeldElsewhereAnswers503WithRetryAfter() throws Exception {
        int year = freshYear();
        assertThat(post("clerk", "/api/letters", letter(year + "-06-01T10:00:00+08:00")).status()).isEqualTo(201);
        // Another transaction holds the year's serial-number row: the next registration of that year must wait.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("SELECT * FROM register_serial WHERE serial_year = " + year + " FOR UPDATE");
                Reply waited = post("clerk", "/api/letters", letter(year + "-06-02T10:00:00+08:00"));
                assertThat(waited.status()).as(waited.text()).isEqualTo(503);
                assertThat(waited.code()).isEqualTo("DB_UNAVAILABLE");
                assertThat(waited.headers().getFirst("Retry-After")).isEqualTo("5");
            } finally {
                other.rollback();
            }
        }
        Reply after = post("clerk", "/api/letters", letter(year + "-06-02T10:00:00+08:00"));
        assertThat(after.status()).isEqualTo(201);
        assertThat(after.body().get("serialNo").asString()).isEqualTo(year + "-000002"); // nothing was used up
    }
}
