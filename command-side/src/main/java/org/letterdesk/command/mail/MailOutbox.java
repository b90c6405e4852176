package org.letterdesk.command.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.letterdesk.command.attachment.AttachmentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.letterdesk.command.mail.MailCommands.RecordMailFailed;
import org.letterdesk.command.mail.MailCommands.RecordMailSent;
import org.letterdesk.events.OutgoingMailKind;
import org.letterdesk.procedure.EventMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.letterdesk.personaldata.PersonalDataMask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends the outbox's mails over SMTP, at least once each and always as the same mail (its Message-ID is fixed when
 * it is queued, so a mail sent again after a crash between the SMTP server's acceptance and our record of it is
 * recognisably the one already received). A mail is leased for an attempt, so several senders (nodes) share the
 * outbox without sending one mail at once; a failed attempt waits longer each time (first-retry doubling up to
 * max-retry) until max-attempts, then the mail is given up. Each outcome is an event on the letter; a sent mail's
 * text is removed from the outbox.
 */
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    public record Attempt(String messageId, boolean sent, String error) {
    }

    private record Due(String messageId, String letterId, OutgoingMailKind kind, String subject, String body,
                       String attachments, String inReplyTo, int attempts) {
    }

    private final MailSettings.Outbox server;
    private final String from;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ReplyRecipients recipients;
    private final MailMetrics metrics;
    private final Clock clock;
    private final AttachmentStore attachmentStore;

    public MailOutbox(MailSettings.Outbox server, String from, CommandGateway commands,
                      PlatformTransactionManager transactions, JdbcTemplate jdbc, ReplyRecipients recipients,
                      AttachmentStore attachmentStore, MailMetrics metrics, Clock clock) {
        this.attachmentStore = attachmentStore;
        this.server = server;
        this.from = from;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Tries every mail due when the pass starts, one after the other, each at most once; answers each attempt. A
     * mail whose back-off ends while the pass is still busy waits for the next pass: a slow attempt must not turn
     * into retries faster than the back-off against a server that is down.
     */
    public List<Attempt> sendDue() {
        Instant passStart = clock.instant();
        List<Attempt> attempts = new java.util.ArrayList<>();
        for (Optional<Due> due = claim(passStart); due.isPresent(); due = claim(passStart)) {
            attempts.add(attempt(due.get()));
        }
        return attempts;
    }

    /** The next mail due by {@code dueBy}, leased to this attempt (its attempt counted) in a transaction of its own. */
    private Optional<Due> claim(Instant dueBy) {
        Instant now = clock.instant();
        return transaction.execute(status -> jdbc.query("""
                        UPDATE mail_outbox o SET attempts = o.attempts + 1, next_attempt_at = ?
                        WHERE o.message_id = (SELECT message_id FROM mail_outbox
                                              WHERE status = 'QUEUED' AND next_attempt_at <= ?
                                              ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING o.message_id, o.letter_id, o.kind, o.subject, o.body, o.attachments, o.attempts,
                                  (SELECT i.message_id FROM mail_intake i WHERE i.letter_id = o.letter_id
                                     AND i.outcome = 'REGISTERED' LIMIT 1) AS in_reply_to""",
                (rs, i) -> new Due(rs.getString("message_id"), rs.getString("letter_id"),
                        OutgoingMailKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("body"),
                        rs.getString("attachments"), rs.getString("in_reply_to"), rs.getInt("attempts")),
                Timestamp.from(now.plus(server.lease())), Timestamp.from(dueBy)).stream().findFirst());
    }

    private Attempt attempt(Due due) {
        Optional<String> to = recipients.addressOf(due.letterId());
        if (to.isEmpty()) {
            return failed(due, "the letter has no e-mail address to send to", true);
        }
        try {
            send(due, to.get());
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return failed(due, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
        }
        Instant sentAt = clock.instant();
        transaction.executeWithoutResult(status -> {
            jdbc.update("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, body = NULL, attachments = NULL, "
                    + "last_error = NULL WHERE message_id = ?", Timestamp.from(sentAt), due.messageId());
            record(new RecordMailSent(due.letterId(), due.messageId(), due.kind(), due.attempts(), sentAt),
                    due.messageId());
        });
        metrics.sent();
        return new Attempt(due.messageId(), true, null);
    }

    private Attempt failed(Due due, String error, boolean permanent) {
        metrics.failed();
        boolean givenUp = permanent || due.attempts() >= server.maxAttempts();
        Instant next = givenUp ? null : clock.instant().plus(backoff(due.attempts()));
        String masked = PersonalDataMask.emailsIn(error);
        String reason = masked.length() > 1000 ? masked.substring(0, 1000) : masked;
        log.warn("Mail {} of letter {} not sent (attempt {}): {}", due.messageId(), due.letterId(), due.attempts(),
                reason);
        transaction.executeWithoutResult(status -> {
            jdbc.update("UPDATE mail_outbox SET status = ?, next_attempt_at = coalesce(?, next_attempt_at), "
                            + "last_error = ? WHERE message_id = ?", givenUp ? "FAILED" : "QUEUED",
                    next == null ? null : Timestamp.from(next), reason, due.messageId());
            record(new RecordMailFailed(due.letterId(), due.messageId(), due.kind(), due.attempts(), reason, next),
                    due.messageId());
        });
        return new Attempt(due.messageId(), false, reason);
    }

    /** first-retry after the first failure, doubling, at most max-retry. */
    Duration backoff(int failedAttempts) {
        Duration wait = server.firstRetry();
        for (int i = 1; i < failedAttempts && wait.compareTo(server.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(server.maxRetry()) > 0 ? server.maxRetry() : wait;
    }

    private void send(Due due, String to) throws MessagingException, UnsupportedEncodingException {
        Properties properties = new Properties();
        String protocol = server.ssl() ? "smtps" : "smtp";
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".writetimeout", "30000");
        properties.put("mail." + protocol + ".starttls.enable", Boolean.toString(server.starttls()));
        properties.put("mail." + protocol + ".starttls.required", Boolean.toString(server.starttls()));
        boolean auth = server.username() != null && !server.username().isBlank();
        properties.put("mail." + protocol + ".auth", Boolean.toString(auth));
        Session session = Session.getInstance(properties);
        MimeMessage mail = new FixedIdMessage(session, due.messageId());
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        mail.setSubject(due.subject(), StandardCharsets.UTF_8.name());
        mail.setSentDate(Date.from(clock.instant()));
        if (due.inReplyTo() != null) {
            mail.setHeader("In-Reply-To", due.inReplyTo());
            mail.setHeader("References", due.inReplyTo());
        }
        List<OutboxAttachments.Entry> files = OutboxAttachments.parse(due.attachments());
        if (files.isEmpty()) {
            mail.setText(due.body(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(due.body(), StandardCharsets.UTF_8.name());
            parts.addBodyPart(text);
            for (OutboxAttachments.Entry file : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new StoredFile(attachmentStore, file)));
                part.setFileName(MimeUtility.encodeText(file.fileName(), StandardCharsets.UTF_8.name(), "B"));
                part.setDisposition(Part.ATTACHMENT);
                part.setHeader("Content-Transfer-Encoding", "base64");
                parts.addBodyPart(part);
            }
            mail.setContent(parts);
        }
        mail.saveChanges();
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(server.host(), server.port(), auth ? server.username() : null,
                    auth ? server.password() : null);
            transport.sendMessage(mail, mail.getAllRecipients());
        }
    }

    private void record(Object command, String messageId) {
        MetaData metaData = MetaData.with(EventMetaData.USER, EventMetaData.SYSTEM_USER)
                .and(EventMetaData.ROLE, EventMetaData.SYSTEM_ROLE)
                .and(EventMetaData.CORRELATION_ID, messageId);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    /** A stored file read from the store while the mail is written out (never whole in memory). */
    private record StoredFile(AttachmentStore store, OutboxAttachments.Entry file) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            return store.open(file.sha256());
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            return file.contentType();
        }

        @Override
        public String getName() {
            return file.fileName();
        }
    }

    /** A message whose Message-ID is the one it was queued under, not a new one per attempt. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
