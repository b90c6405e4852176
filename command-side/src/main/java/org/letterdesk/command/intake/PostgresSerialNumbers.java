package org.letterdesk.command.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One counter row per year, incremented in the registering transaction. The row lock serialises concurrent
 * registrations of a year until their transactions end, so numbers are unique; a rollback releases the increment
 * with everything else, so they have no gaps.
 */
@Component
class PostgresSerialNumbers implements SerialNumbers {

    private final JdbcTemplate jdbc;

    PostgresSerialNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(int year) {
        Long number = jdbc.queryForObject("""
                INSERT INTO register_serial (serial_year, last_no) VALUES (?, 1)
                ON CONFLICT (serial_year) DO UPDATE SET last_no = register_serial.last_no + 1
                RETURNING last_no""", Long.class, year);
        return "%04d-%06d".formatted(year, number);
    }
}
