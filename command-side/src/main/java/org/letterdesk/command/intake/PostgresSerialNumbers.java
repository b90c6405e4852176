package org.letterdesk.command.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One counter row per year ({@code register_serial}) and the numbers reserved but not yet used
 * ({@code register_serial_claim}), decision 0008.
 * <p>
 * A registration sent over HTTP reserves its number first, in one statement of its own, and takes it inside
 * its registering transaction by deleting the reservation: the counter's row lock is held only for the reservation,
 * not until the registration commits, and a rolled-back registration leaves its reservation behind for the next one.
 * Registrations without a reservation (e-mail intake) take a left-behind number or increment the counter inside
 * their transaction, holding its lock until they end, as before.
 */
@Component
class PostgresSerialNumbers implements SerialNumbers, SerialClaims {

    private final JdbcTemplate jdbc;
    private final long expirySeconds;

    PostgresSerialNumbers(JdbcTemplate jdbc,
                          @Value("${letterdesk.intake.serial-claim-expiry:PT30S}") Duration expiry) {
        this.jdbc = jdbc;
        this.expirySeconds = Math.max(1, expiry.toSeconds());
    }

    @Override
    public Optional<SerialClaim> claim(int year) {
        // Inside a caller's transaction this would need a second connection while holding one: enough callers at
        // once would exhaust the pool waiting for each other.
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        UUID token = UUID.randomUUID();
        // One statement outside any transaction: the counter's row lock lasts its execution and commit, with no
        // round trip to this process (which may be waiting for a CPU) in between. The lowest number left behind
        // goes first; only without one is the counter incremented.
        Long number = jdbc.queryForObject("""
                WITH left_behind AS (
                    UPDATE register_serial_claim SET token = ?, claimed_at = now()
                    WHERE (serial_year, serial_no) = (
                        SELECT serial_year, serial_no FROM register_serial_claim
                        WHERE serial_year = ? AND claimed_at < now() - make_interval(secs => ?)
                        ORDER BY serial_no LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING serial_no),
                counted AS (
                    INSERT INTO register_serial (serial_year, last_no)
                    SELECT ?, 1 WHERE NOT EXISTS (SELECT FROM left_behind)
                    ON CONFLICT (serial_year) DO UPDATE SET last_no = register_serial.last_no + 1
                    RETURNING last_no),
                reserved AS (
                    INSERT INTO register_serial_claim (serial_year, serial_no, token)
                    SELECT ?, last_no, ? FROM counted
                    RETURNING serial_no)
                SELECT serial_no FROM left_behind UNION ALL SELECT serial_no FROM reserved""",
                Long.class, token, year, expirySeconds, year, year, token);
        return Optional.of(new SerialClaim(year, number, token));
    }

    @Override
    public void release(SerialClaim claim) {
        // Only a reservation still holding its token: one its registration used is gone, one taken over is not ours.
        jdbc.update("UPDATE register_serial_claim SET claimed_at = '-infinity' "
                + "WHERE serial_year = ? AND serial_no = ? AND token = ?", claim.year(), claim.number(), claim.token());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String take(int year, SerialClaim claim) {
        if (claim != null && claim.year() == year && jdbc.update("DELETE FROM register_serial_claim "
                + "WHERE serial_year = ? AND serial_no = ? AND token = ?", year, claim.number(), claim.token()) == 1) {
            return SerialNumbers.format(year, claim.number());
        }
        return next(year);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(int year) {
        // A number left behind goes first; deleted in this transaction, a rollback leaves it behind again.
        Long left = single(jdbc.queryForList("""
                DELETE FROM register_serial_claim
                WHERE (serial_year, serial_no) = (
                    SELECT serial_year, serial_no FROM register_serial_claim
                    WHERE serial_year = ? AND claimed_at < now() - make_interval(secs => ?)
                    ORDER BY serial_no LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING serial_no""", Long.class, year, expirySeconds));
        if (left != null) {
            return SerialNumbers.format(year, left);
        }
        Long number = jdbc.queryForObject("""
                INSERT INTO register_serial (serial_year, last_no) VALUES (?, 1)
                ON CONFLICT (serial_year) DO UPDATE SET last_no = register_serial.last_no + 1
                RETURNING last_no""", Long.class, year);
        return SerialNumbers.format(year, number);
    }

    private static Long single(List<Long> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }
}
