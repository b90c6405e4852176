package org.letterdesk.command.mail;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.letterdesk.command.attachment.AttachmentStore;
import org.letterdesk.command.attachment.VirusScannerUnavailable;
import org.letterdesk.command.intake.IntakeCommands.RegisterLetter;
import org.letterdesk.command.intake.IntakeResults.RegistrationResult;
import org.letterdesk.command.intake.ReceiptTime;
import org.letterdesk.command.mail.MailCommands.RecordIncomingMail;
import org.letterdesk.command.mail.MailCommands.RecordMailBounced;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.LetterIds;
import org.letterdesk.events.Sender;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.procedure.EventMetaData;
import org.letterdesk.procedure.OutgoingMails;
import org.letterdesk.procedure.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.letterdesk.personaldata.PersonalDataMask;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the intake mailbox over IMAP. Each mail, once: a new letter registered through the same command as the
 * HTTP registration (channel EMAIL, category CONSULTATION until a clerk classifies it), an answer added to its
 * letter's correspondence, a delivery status notification marking a sent mail bounced, or, when it cannot be read,
 * a quarantine entry with the reason. The mail's Message-ID is claimed in the transaction of the letter's events, so
 * reading the mailbox again after a crash registers nothing twice. A mail is removed from the mailbox once handled;
 * one that fails for a reason outside the mail (the database down, a configured virus scanner not answering) stays
 * and the poll stops, to try again later. An attachment the virus scanner finds infected quarantines its mail.
 */
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile(
            "<[^<>\\s@]+@" + Pattern.quote(OutgoingMails.MESSAGE_ID_DOMAIN) + ">");
    private static final Pattern SERIAL_NO = Pattern.compile("(?<![0-9])([0-9]{4}-[0-9]{6})(?![0-9])");
    private static final int SUBJECT_MAX = 500;
    private static final int CORE_REQUEST_MAX = 4000;
    private static final int BOUNCE_SCAN_BYTES = 1 << 20;
    private static final int MAX_CONNECTIONS = 5;

    public enum Result { REGISTERED, THREADED, BOUNCE, QUARANTINED, DUPLICATE }

    public record Outcome(String messageId, Result result, String letterId, String reason) {
    }

    private final MailSettings.Intake server;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final AttachmentStore attachments;
    private final ReplyRecipients recipients;
    private final MailMetrics metrics;
    private final Clock clock;

    public MailIntake(MailSettings.Intake server, CommandGateway commands, PlatformTransactionManager transactions,
                      JdbcTemplate jdbc, AttachmentStore attachments, ReplyRecipients recipients,
                      MailMetrics metrics, Clock clock) {
        this.server = server;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.recipients = recipients;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Reads every mail now in the mailbox; answers what became of each. */
    public List<Outcome> pollOnce() throws MessagingException {
        Properties properties = new Properties();
        String protocol = server.ssl() ? "imaps" : "imap";
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        // Attachments are fetched in pieces and streamed to the store, never a whole mail in memory.
        properties.put("mail." + protocol + ".partialfetch", "true");
        properties.put("mail." + protocol + ".fetchsize", "65536");
        // Headers in raw UTF-8 (RFC 6532), as many clients now send them, read as UTF-8.
        properties.put("mail.mime.allowutf8", "true");
        Session session = Session.getInstance(properties);
        List<Outcome> outcomes = new ArrayList<>();
        // A server that drops the connection over one mail (it was quarantined for it) is connected to again, and
        // the rest of the mailbox read; mails already handled are recognised by their Message-ID.
        for (int connection = 1; ; connection++) {
            try (Store store = session.getStore(protocol)) {
                store.connect(server.host(), server.port(), server.username(), server.password());
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                boolean complete = false;
                try {
                    for (Message message : inbox.getMessages()) {
                        outcomes.add(handle((MimeMessage) message));
                        if (!inbox.isOpen()) {
                            break;
                        }
                        message.setFlag(Flags.Flag.DELETED, true);
                    }
                    complete = inbox.isOpen();
                } catch (FolderClosedException e) {
                    log.warn("Mailbox connection lost; connecting again");
                } finally {
                    if (inbox.isOpen()) {
                        inbox.close(true);
                    }
                }
                if (complete || connection == MAX_CONNECTIONS) {
                    return outcomes;
                }
            }
        }
    }

    private Outcome handle(MimeMessage mail) throws MessagingException {
        String messageId = messageId(mail);
        try {
            Outcome outcome = read(mail, messageId);
            if (outcome.result() != Result.DUPLICATE) {
                metrics.received(outcome.result().name());
            }
            return outcome;
        } catch (DataAccessException | TransactionException | VirusScannerUnavailable
                 | org.axonframework.commandhandling.NoHandlerForCommandException e) {
            // Not the mail's fault: it stays in the mailbox (a virus scanner away fails closed by waiting).
            throw new MessagingException("the mail " + messageId + " is left in the mailbox: " + e.getMessage(), e);
        } catch (Exception e) {
            return quarantine(mail, messageId, reason(e));
        }
    }

    private Outcome read(MimeMessage mail, String messageId) throws MessagingException, IOException {
        if (known(messageId)) {
            return new Outcome(messageId, Result.DUPLICATE, null, null);
        }
        int size = mail.getSize();
        if (size > server.maxMailBytes()) {
            return quarantine(mail, messageId, "the mail has " + size + " bytes, more than the limit of "
                    + server.maxMailBytes());
        }
        Instant receivedAt = receivedAt(mail);
        String subject = subject(mail);
        if (mail.isMimeType("multipart/report")) {
            return bounce(mail, messageId, receivedAt);
        }
        InternetAddress from = from(mail);
        Optional<String> thread = thread(mail, subject, from);
        Content content = new Content();
        walk(mail, content);
        if (thread.isPresent()) {
            String letterId = thread.get();
            return claimed(messageId, Result.THREADED, letterId, () -> send(new RecordIncomingMail(letterId,
                    messageId, subject, receivedAt, content.attachments, false), messageId));
        }
        String letterId = LetterIds.next(clock.instant()).toString();
        String name = from.getPersonal() != null && !from.getPersonal().isBlank() ? from.getPersonal().strip()
                : from.getAddress().substring(0, Math.max(1, from.getAddress().indexOf('@')));
        Sender sender = new Sender(bounded(name, 200), null, null, from.getAddress().toLowerCase(Locale.ROOT), null,
                null);
        RegisterLetter register = new RegisterLetter(letterId, Channel.EMAIL, receivedAt, sender,
                subject.isBlank() ? "（无主题）" : subject, coreRequest(content), Category.CONSULTATION,
                content.attachments, null, null);
        return claimed(messageId, Result.REGISTERED, letterId, () -> {
            RegistrationResult result = (RegistrationResult) send(register, messageId);
            jdbc.update("INSERT INTO mail_letter (serial_no, letter_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    result.letter().serialNo(), letterId);
            send(new RecordIncomingMail(letterId, messageId, subject, receivedAt, content.attachments, true),
                    messageId);
        });
    }

    /** A delivery status notification: the mail of ours it reports (named by our Message-ID) is marked bounced. */
    private Outcome bounce(MimeMessage mail, String messageId, Instant receivedAt)
            throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream bounded = new BoundedOutput(raw, BOUNCE_SCAN_BYTES)) {
            mail.writeTo(bounded);
        } catch (BoundedOutput.Full ignored) {
            // the reported Message-ID is in the first part of the report
        }
        String text = raw.toString(StandardCharsets.UTF_8);
        Matcher ids = OUR_MESSAGE_ID.matcher(text);
        while (ids.find()) {
            String ours = ids.group();
            if (ours.equals(messageId)) {
                continue;
            }
            List<String> letters = jdbc.queryForList("SELECT letter_id FROM mail_outbox WHERE message_id = ?",
                    String.class, ours);
            if (!letters.isEmpty()) {
                String letterId = letters.get(0);
                String reason = PersonalDataMask.emailsIn(diagnostic(text));
                return claimed(messageId, Result.BOUNCE, letterId, () -> {
                    jdbc.update("UPDATE mail_outbox SET status = 'BOUNCED', last_error = ? WHERE message_id = ?",
                            reason, ours);
                    send(new RecordMailBounced(letterId, ours, reason, receivedAt), messageId);
                });
            }
        }
        return quarantine(mail, messageId, "a delivery status notification about no mail of ours");
    }

    private static String diagnostic(String report) {
        for (String header : new String[] {"Diagnostic-Code:", "Status:", "Action:"}) {
            int at = report.indexOf(header);
            if (at >= 0) {
                int end = report.indexOf('\n', at);
                return bounded(report.substring(at, end < 0 ? report.length() : end).strip(), 500);
            }
        }
        return "undelivered";
    }

    /**
     * The letter this mail answers: one whose mail of ours it names in In-Reply-To or References, else the letter
     * whose register number is in the subject, if the mail comes from that letter's sender.
     */
    private Optional<String> thread(MimeMessage mail, String subject, InternetAddress from)
            throws MessagingException {
        Set<String> references = new LinkedHashSet<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String[] values = mail.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    Matcher m = MESSAGE_ID.matcher(value);
                    while (m.find()) {
                        references.add(m.group());
                    }
                }
            }
        }
        for (String reference : references) {
            List<String> letters = jdbc.queryForList("SELECT letter_id FROM mail_outbox WHERE message_id = ?",
                    String.class, reference);
            if (!letters.isEmpty()) {
                return Optional.of(letters.get(0));
            }
        }
        Matcher serial = SERIAL_NO.matcher(subject);
        while (serial.find()) {
            List<String> letters = jdbc.queryForList("SELECT letter_id FROM mail_letter WHERE serial_no = ? "
                    + "UNION SELECT letter_id FROM mail_outbox WHERE serial_no = ?", String.class,
                    serial.group(1), serial.group(1));
            for (String letterId : letters) {
                boolean fromSender = recipients.addressOf(letterId)
                        .map(address -> address.equalsIgnoreCase(from.getAddress())).orElse(false);
                if (fromSender) {
                    return Optional.of(letterId);
                }
            }
        }
        return Optional.empty();
    }

    private final class Content {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
        int unnamed;
    }

    /** The body as text (plain preferred, HTML reduced to text) and every other part stored as an attachment. */
    private void walk(Part part, Content content) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), content);
            }
            return;
        }
        String fileName = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
        boolean attached = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (!attached && part.isMimeType("text/plain") && content.text == null) {
            content.text = textOf(part);
        } else if (!attached && part.isMimeType("text/html") && content.html == null) {
            content.html = textOf(part);
        } else {
            String name = fileName != null ? fileName : "attachment-" + (++content.unnamed);
            try (InputStream in = part.getInputStream()) {
                content.attachments.add(attachments.store(in, name, part.getContentType(), "mail")
                        .toAttachment());
            }
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        Object body = part.getContent();
        if (body instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
    }

    private static String coreRequest(Content content) {
        String text = content.text != null && !content.text.isBlank() ? content.text.strip()
                : content.html != null ? HtmlText.of(content.html) : "";
        text = text.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
        if (text.isBlank()) {
            return content.attachments.isEmpty() ? "（邮件正文为空）" : "（邮件正文为空，见附件）";
        }
        return bounded(text, CORE_REQUEST_MAX);
    }

    private interface Work {
        void run();
    }

    /** Claims the Message-ID and does the work in one transaction; a concurrent claim makes it a duplicate. */
    private Outcome claimed(String messageId, Result result, String letterId, Work work) {
        boolean done = Boolean.TRUE.equals(transaction.execute(status -> {
            int claimed = jdbc.update("INSERT INTO mail_intake (message_id, letter_id, outcome, handled_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", messageId, letterId, result.name(),
                    Timestamp.from(clock.instant()));
            if (claimed == 0) {
                return false;
            }
            work.run();
            return true;
        }));
        return done ? new Outcome(messageId, result, letterId, null)
                : new Outcome(messageId, Result.DUPLICATE, null, null);
    }

    private Object send(Object command, String messageId) {
        MetaData metaData = MetaData.with(EventMetaData.USER, "mail-intake")
                .and(EventMetaData.ROLE, Role.CLERK.name())
                .and(EventMetaData.CORRELATION_ID, messageId);
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private Outcome quarantine(MimeMessage mail, String messageId, String reason) {
        String subject = null;
        Integer size = null;
        Instant receivedAt = null;
        try {
            subject = subject(mail);
            size = mail.getSize();
            receivedAt = mail.getReceivedDate() == null ? null : mail.getReceivedDate().toInstant();
        } catch (Exception ignored) {
            // a mail too broken for its headers is still quarantined, with what could be read
        }
        String subjectRead = subject;
        Integer sizeRead = size;
        Instant receivedRead = receivedAt;
        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO mail_intake (message_id, letter_id, outcome, handled_at) VALUES (?, NULL, ?, ?) "
                    + "ON CONFLICT DO NOTHING", messageId, Result.QUARANTINED.name(), Timestamp.from(clock.instant()));
            jdbc.update("INSERT INTO mail_quarantine (quarantine_id, message_id, subject, size_bytes, received_at, "
                            + "quarantined_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), messageId,
                    subjectRead == null ? null : bounded(subjectRead, 1000), sizeRead,
                    receivedRead == null ? null : Timestamp.from(receivedRead), Timestamp.from(clock.instant()),
                    bounded(reason, 2000));
        });
        metrics.quarantined();
        log.warn("Mail {} quarantined: {}", messageId, reason);
        return new Outcome(messageId, Result.QUARANTINED, null, reason);
    }

    private boolean known(String messageId) {
        return !jdbc.queryForList("SELECT 1 FROM mail_intake WHERE message_id = ?", Integer.class, messageId)
                .isEmpty();
    }

    /** The mail's Message-ID; a mail without one gets one made from its headers, the same on every reading. */
    private static String messageId(MimeMessage mail) throws MessagingException {
        String id = mail.getMessageID();
        if (id != null && !id.isBlank()) {
            return bounded(id.strip(), 1000);
        }
        StringBuilder headers = new StringBuilder();
        var all = mail.getAllHeaderLines();
        while (all.hasMoreElements()) {
            headers.append(all.nextElement()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(headers.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest) + "@no-message-id>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's receipt time (IMAP INTERNALDATE), not the sender's Date; never in the future. */
    private Instant receivedAt(MimeMessage mail) throws MessagingException {
        Instant now = clock.instant();
        Instant received = mail.getReceivedDate() == null ? now : mail.getReceivedDate().toInstant();
        return ReceiptTime.futureError(received, now).isPresent() ? now : received;
    }

    private static String subject(MimeMessage mail) throws MessagingException {
        String subject = mail.getSubject();
        return subject == null ? "" : bounded(subject.replaceAll("\\p{Cntrl}", " ").strip(), SUBJECT_MAX);
    }

    private static InternetAddress from(MimeMessage mail) throws MessagingException {
        Address[] from = mail.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new MessagingException("the mail has no sender address (From)");
        }
        return address;
    }

    private static String reason(Exception e) {
        if (e instanceof FolderClosedException || e instanceof jakarta.mail.StoreClosedException) {
            return "the mail server closed the connection while this mail was read (unreadable MIME structure?): "
                    + e.getMessage();
        }
        if (e instanceof LetterdeskProblem problem) {
            return problem.code().name() + ": " + problem.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())
                ? message + " (" + cause.getMessage() + ")" : message;
    }

    private static String bounded(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Keeps at most {@code limit} bytes, then stops the writer. */
    private static final class BoundedOutput extends OutputStream {
        static final class Full extends IOException {
        }

        private final OutputStream out;
        private long left;

        BoundedOutput(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new Full();
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            out.write(b, off, n);
            left -= n;
            if (n < len) {
                throw new Full();
            }
        }
    }
}
