package org.letterdesk.command.api;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Remembers the response to every command sent with an Idempotency-Key, in the same transaction as the command's
 * events: a key is either unused, or its command happened exactly once and its response is stored.
 */
@Component
class IdempotencyStore {

    record StoredResponse(String fingerprint, int status, String body) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this user. A concurrent claim of the same key waits for the first transaction; if that
     * commits, the claim fails and the stored response is returned instead.
     */
    Optional<StoredResponse> claim(String user, String key, String fingerprint) {
        int inserted = jdbc.update("""
                INSERT INTO idempotent_request (user_name, idempotency_key, fingerprint, created_at)
                VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING""", user, key, fingerprint);
        if (inserted == 1) {
            return Optional.empty();
        }
        List<StoredResponse> stored = jdbc.query("""
                SELECT fingerprint, response_status, response_body FROM idempotent_request
                WHERE user_name = ? AND idempotency_key = ?""",
                (rs, n) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3)), user, key);
        return stored.stream().findFirst();
    }

    void complete(String user, String key, int status, String body) {
        jdbc.update("""
                UPDATE idempotent_request SET response_status = ?, response_body = CAST(? AS jsonb)
                WHERE user_name = ? AND idempotency_key = ?""", status, body, user, key);
    }
}
