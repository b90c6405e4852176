package org.letterdesk.app.web;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The failures that mean "the database cannot serve this now" rather than "this request is wrong": found anywhere in
 * an exception's causes, however Spring, Hibernate, Hikari or Axon wrapped the driver's exception.
 */
enum DatabaseFailure {
    UNREACHABLE("The database cannot be reached at the moment; try again shortly"),
    TOO_SLOW("The database did not answer in time; try again shortly"),
    LOCKED("The data needed is held by other work at the moment; try again shortly");

    private static final Set<String> SERVER_GOING_AWAY = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, recovering)
            "57P05", // idle_session_timeout
            "25P03"); // idle_in_transaction_session_timeout

    private final String detail;

    DatabaseFailure(String detail) {
        this.detail = detail;
    }

    String detail() {
        return detail;
    }

    static Optional<DatabaseFailure> of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            Optional<DatabaseFailure> kind = classify(t);
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFailure> classify(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)) {
                return Optional.of(UNREACHABLE);
            }
            if (state.equals("57014")) { // query_canceled: statement_timeout
                return Optional.of(TOO_SLOW);
            }
            if (state.equals("55P03")) { // lock_not_available: lock_timeout
                return Optional.of(LOCKED);
            }
        }
        if (t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
            // Hikari's stand-in for a connection it has closed (after a socket timeout while the database was frozen)
            // answers the transaction's rollback so, and that failure replaces the statement's own I/O error.
            return Optional.of(UNREACHABLE);
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof CannotGetJdbcConnectionException
                || t instanceof CannotCreateTransactionException || t instanceof ConnectException) {
            return Optional.of(UNREACHABLE);
        }
        if (t instanceof QueryTimeoutException || t instanceof SocketTimeoutException) {
            return Optional.of(TOO_SLOW);
        }
        return Optional.empty();
    }
}
