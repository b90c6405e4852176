package org.letterdesk.command.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The mail servers and how they are used ({@code letterdesk.mail.*}; docs/operations.md, "Mail").
 *
 * @param address the organisation's mailbox: read for incoming letters, and the sender of outgoing mails
 * @param intake  the IMAP server holding {@code address}'s mailbox; of several nodes only one reads it
 * @param outbox  the SMTP server mails are sent through
 */
@ConfigurationProperties("letterdesk.mail")
public record MailSettings(String address, Intake intake, Outbox outbox) {

    /**
     * @param maxMailBytes a larger mail is quarantined without being read (its attachments could not be stored)
     */
    public record Intake(boolean enabled, String host, int port, boolean ssl, String username, String password,
                         Duration pollInterval, long maxMailBytes) {
    }

    /**
     * @param firstRetry  the wait after the first failed attempt, doubling with each further one up to maxRetry
     * @param maxAttempts after this many failed attempts the mail is given up (MailFailed without a next attempt)
     * @param lease       how long an attempt holds a mail before another sender (or this one, after a crash) may
     *                    try it again
     */
    public record Outbox(boolean enabled, String host, int port, boolean ssl, boolean starttls, String username,
                         String password, Duration interval, Duration firstRetry, Duration maxRetry,
                         int maxAttempts, Duration lease) {
    }
}
