package org.letterdesk.command.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Mails received (by outcome), quarantined, sent and failed (attempts), and the age of the oldest mail waiting in
 * the outbox (0 when it is empty).
 */
public class MailMetrics {

    private final MeterRegistry registry;

    public MailMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this.registry = registry;
        Gauge.builder("letterdesk.mail.outbox.oldest.age", () -> {
            Timestamp oldest = jdbc.queryForObject("SELECT min(queued_at) FROM mail_outbox WHERE status = 'QUEUED'",
                    Timestamp.class);
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
        }).baseUnit("seconds").description("Age of the oldest mail waiting to be sent").register(registry);
        Gauge.builder("letterdesk.mail.outbox.queued", () -> jdbc.queryForObject(
                "SELECT count(*) FROM mail_outbox WHERE status = 'QUEUED'", Long.class))
                .description("Mails waiting to be sent").register(registry);
    }

    void received(String outcome) {
        Counter.builder("letterdesk.mail.received").tag("outcome", outcome)
                .description("Mails read from the intake mailbox").register(registry).increment();
    }

    void quarantined() {
        Counter.builder("letterdesk.mail.quarantined").description("Mails put in the quarantine")
                .register(registry).increment();
    }

    void sent() {
        Counter.builder("letterdesk.mail.sent").description("Mails accepted by the SMTP server")
                .register(registry).increment();
    }

    void failed() {
        Counter.builder("letterdesk.mail.failed").description("Failed attempts to send a mail")
                .register(registry).increment();
    }
}
