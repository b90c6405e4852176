package org.letterdesk.app.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.letterdesk.command.attachment.AttachmentStore;
import org.letterdesk.command.mail.MailIntake;
import org.letterdesk.command.mail.MailIntake.Outcome;
import org.letterdesk.command.mail.MailIntake.Result;
import org.letterdesk.command.mail.MailMetrics;
import org.letterdesk.command.mail.MailOutbox;
import org.letterdesk.command.mail.MailSettings;
import org.letterdesk.command.mail.ReplyRecipients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.letterdesk.app.mail.AttachmentTest.PDF;
import static org.letterdesk.app.mail.AttachmentTest.PNG;
import static org.letterdesk.app.mail.AttachmentTest.sha256;

/**
 * E-mail in and out against a real mail server (GreenMail on free ports, SMTP and IMAP spoken for real). The
 * application's own mailbox poller and sender are off in tests; each test runs fresh instances of them (as a node
 * started anew would) against this server, so what they do is observed one round at a time.
 */
class MailTest extends ApiTestSupport {

    static final String INBOX = "letters@letterdesk.local";
    static GreenMail mailServer;

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AttachmentStore attachmentStore;
    @Autowired
    ReplyRecipients recipients;
    @Autowired
    MailMetrics metrics;
    @Autowired
    Clock clock;

    @BeforeAll
    static void startMailServer() {
        mailServer = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mailServer.start();
        mailServer.setUser(INBOX, INBOX, INBOX);
    }

    @AfterAll
    static void stopMailServer() {
        mailServer.stop();
    }

    MailIntake intake() {
        return new MailIntake(new MailSettings.Intake(true, "127.0.0.1", mailServer.getImap().getPort(), false,
                INBOX, INBOX, Duration.ofSeconds(5), 8L * 1024 * 1024), commandGateway, transactions, jdbc,
                attachmentStore, recipients, metrics, clock);
    }

    MailOutbox outbox(int smtpPort, Duration firstRetry) {
        return new MailOutbox(new MailSettings.Outbox(true, "127.0.0.1", smtpPort, false, false, "", "",
                Duration.ofSeconds(5), firstRetry, firstRetry.multipliedBy(4), 5, Duration.ofMinutes(2)), INBOX,
                commandGateway, transactions, jdbc, recipients, attachmentStore, metrics, clock);
    }

    // ------------------------------------------------------------------ intake

    @Test
    void aMailWithAPdfAndAnImageBecomesARegisteredLetterWithBothStored() throws Exception {
        String from = unique("wang.wu");
        MimeMessage mail = mail(from, "王五", "发票抬头写错了", "请重新开具发票，抬头应为某某公司。");
        mail.setSentDate(Date.from(OffsetDateTime.parse("2001-01-01T08:00:00+08:00").toInstant()));
        mail.setContent(multipart(text("请重新开具发票，抬头应为某某公司。"), file("发票.pdf", "application/pdf", PDF),
                file("screenshot.png", "image/png", PNG)));
        send(mail);

        List<Outcome> outcomes = intake().pollOnce();
        assertThat(outcomes).extracting(Outcome::result).containsExactly(Result.REGISTERED);
        String letterId = outcomes.get(0).letterId();

        JsonNode view = view(letterId, 0);
        assertThat(view.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(view.path("category").asString()).isEqualTo("CONSULTATION");
        assertThat(view.path("subject").asString()).isEqualTo("发票抬头写错了");
        assertThat(view.path("coreRequest").asString()).isEqualTo("请重新开具发票，抬头应为某某公司。");
        assertThat(view.path("sender").path("name").asString()).isEqualTo("王五");
        // The server's receipt time, not the Date the sender's program wrote.
        assertThat(OffsetDateTime.parse(view.path("receivedAt").asString()).getYear())
                .isEqualTo(OffsetDateTime.now().getYear());
        JsonNode attachments = view.path("attachments");
        assertThat(attachments.size()).isEqualTo(2);
        assertThat(attachments.get(0).path("fileName").asString()).isEqualTo("发票.pdf");
        assertThat(attachments.get(0).path("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(attachments.get(1).path("contentType").asString()).isEqualTo("image/png");
        assertThat(attachments.get(1).path("sha256").asString()).isEqualTo(sha256(PNG));
        String storedPng = jdbc.queryForObject("SELECT attachment_id::text FROM attachment WHERE sha256 = ? "
                + "AND stored_by = 'mail' ORDER BY stored_at DESC LIMIT 1", String.class, sha256(PNG));
        byte[] served = http.get().uri("/api/attachments/" + storedPng).header(HttpHeaders.AUTHORIZATION,
                basic("handler")).retrieve().body(byte[].class);
        assertThat(served).isEqualTo(PNG);

        JsonNode correspondence = ok(get("handler", "/api/letters/" + letterId + "/correspondence")).body();
        assertThat(correspondence.size()).isEqualTo(1);
        assertThat(correspondence.get(0).path("direction").asString()).isEqualTo("IN");
        assertThat(correspondence.get(0).path("status").asString()).isEqualTo("RECEIVED");
        assertThat(correspondence.get(0).path("messageId").asString()).isEqualTo(mail.getMessageID());
        assertThat(correspondence.toString()).doesNotContain(from);
        assertThat(intake().pollOnce()).isEmpty(); // handled mails leave the mailbox
    }

    @Test
    void anHtmlOnlyMailIsReducedToItsText() throws Exception {
        MimeMessage mail = mail(unique("html"), null, "网页邮件", null);
        mail.setContent("<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
                + "<p>第一段<b>加粗</b></p><div>第二段<img src=x onerror=alert(1)></div></body></html>",
                "text/html; charset=UTF-8");
        send(mail);
        String letterId = intake().pollOnce().get(0).letterId();
        JsonNode view = view(letterId, 0);
        assertThat(view.path("coreRequest").asString()).isEqualTo("第一段加粗\n第二段");
        assertThat(view.path("sender").path("name").asString()).startsWith("html-");
    }

    @Test
    void theSameMessageIdDeliveredTwiceIsOneLetterAlsoAfterARestart() throws Exception {
        MimeMessage mail = mail(unique("twice"), "赵六", "重复投递", "同一封邮件两次");
        mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@client.example>");
        mail.saveChanges();
        mail.setHeader("Message-ID", mail.getHeader("Message-ID")[0]);
        String id = mail.getMessageID();
        deliver(mail);
        deliver(mail);
        List<Outcome> first = intake().pollOnce();
        assertThat(first).extracting(Outcome::result).containsExactly(Result.REGISTERED, Result.DUPLICATE);
        deliver(mail);
        assertThat(intake().pollOnce()).extracting(Outcome::result).containsExactly(Result.DUPLICATE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%.MailReceived' AND payload->>'messageId' = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void brokenAndOversizedMailsAreQuarantinedAndTheNextGoodOneIsRegistered() throws Exception {
        String brokenId = "<" + UUID.randomUUID() + "@broken.example>";
        String raw = "From: broken@example.com\r\nTo: " + INBOX + "\r\nSubject: broken\r\nMessage-ID: " + brokenId
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"nowhere\"\r\n\r\n"
                + "no part starts here\r\n";
        deliver(new MimeMessage(Session.getInstance(new java.util.Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
        MimeMessage huge = mail(unique("huge"), "大附件", "三十兆附件", null);
        byte[] thirtyMegabytes = new byte[30 * 1024 * 1024];
        System.arraycopy(PDF, 0, thirtyMegabytes, 0, PDF.length);
        huge.setContent(multipart(text("见附件"), file("big.pdf", "application/pdf", thirtyMegabytes)));
        send(huge);
        MimeMessage disguised = mail(unique("exe"), null, "可执行附件", null);
        disguised.setContent(multipart(text("见附件"), file("invoice.pdf", "application/pdf",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0})));
        send(disguised);
        send(mail(unique("good"), "钱七", "正常来信", "这封邮件应当登记"));

        // (a server that drops the connection over a broken mail is connected to again: mails seen before are skipped)
        List<Outcome> outcomes = intake().pollOnce().stream().filter(o -> o.result() != Result.DUPLICATE).toList();
        assertThat(outcomes).extracting(Outcome::result).containsExactly(Result.QUARANTINED, Result.QUARANTINED,
                Result.QUARANTINED, Result.REGISTERED);
        assertThat(outcomes.get(1).reason()).contains("more than the limit");
        assertThat(outcomes.get(2).reason()).contains("UNSUPPORTED_MEDIA_TYPE");
        assertThat(view(outcomes.get(3).letterId(), 0).path("subject").asString())
                .isEqualTo("正常来信");

        JsonNode quarantine = ok(get("admin", "/api/mail/quarantine?size=200")).body();
        JsonNode broken = null;
        for (JsonNode item : quarantine.path("items")) {
            if (brokenId.equals(item.path("messageId").asString())) {
                broken = item;
            }
        }
        assertThat(broken).as(quarantine.toString()).isNotNull();
        assertThat(broken.path("reason").asString()).isNotBlank();
        assertThat(quarantine.toString()).contains("三十兆附件").doesNotContain("huge-");
        assertThat(get("clerk", "/api/mail/quarantine").status()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ outbox

    @Test
    void anEmailReplyArrivesOnceWithItsRenderedTextAndRegisterNumberAndTheAnswerIsThreaded() throws Exception {
        String sender = unique("reply");
        Approved letter = approvedLetter(sender);
        ok(post("handler", "/api/letters/" + letter.id + "/reply", Map.of("channel", "EMAIL")));
        awaitQueued(letter.id, 1);

        // Committed but not yet sent, as after a crash between the two: a sender started anew sends it once.
        outbox(mailServer.getSmtp().getPort(), Duration.ofSeconds(1)).sendDue();
        outbox(mailServer.getSmtp().getPort(), Duration.ofSeconds(1)).sendDue();
        List<MimeMessage> received = inbox(sender);
        assertThat(received).hasSize(1);
        MimeMessage reply = received.get(0);
        assertThat(reply.getSubject()).contains(letter.serialNo);
        String rendered = http.get().uri("/api/letters/" + letter.id + "/drafts/1/rendered")
                .header(HttpHeaders.AUTHORIZATION, basic("handler")).retrieve().body(String.class);
        assertThat(GreenMailUtil.getBody(reply).isBlank()).isFalse();
        assertThat(((String) reply.getContent()).replace("\r\n", "\n")).isEqualTo(rendered);

        JsonNode out = ok(get("clerk", "/api/letters/" + letter.id + "/correspondence")).body().get(0);
        assertThat(out.path("direction").asString()).isEqualTo("OUT");
        assertThat(out.path("kind").asString()).isEqualTo("REPLY");
        assertThat(out.path("status").asString()).isEqualTo("SENT");
        assertThat(out.path("attempts").asInt()).isEqualTo(1);
        assertThat(out.path("messageId").asString()).isEqualTo(reply.getMessageID());
        assertThat(jdbc.queryForObject("SELECT body FROM mail_outbox WHERE message_id = ?", String.class,
                reply.getMessageID())).isNull();

        // The sender answers the reply: the answer joins the letter's correspondence, no new letter.
        MimeMessage answer = mail(sender, "回信人", "Re: " + reply.getSubject(), "谢谢，已收到。");
        answer.setHeader("In-Reply-To", reply.getMessageID());
        send(answer);
        // Someone else naming the register number in a subject is not threaded to that letter.
        send(mail(unique("stranger"), null, "关于 " + letter.serialNo, "我也有问题"));
        // The sender naming the register number is.
        send(mail(sender, null, "补充材料 " + letter.serialNo, "补充一点"));
        List<Outcome> outcomes = intake().pollOnce();
        assertThat(outcomes).extracting(Outcome::result).containsExactly(Result.THREADED, Result.REGISTERED,
                Result.THREADED);
        assertThat(outcomes.get(0).letterId()).isEqualTo(letter.id);
        assertThat(outcomes.get(1).letterId()).isNotEqualTo(letter.id);
        assertThat(outcomes.get(2).letterId()).isEqualTo(letter.id);
        JsonNode correspondence = ok(get("clerk", "/api/letters/" + letter.id + "/correspondence")).body();
        assertThat(correspondence.size()).isEqualTo(3);
        assertThat(correspondence.get(1).path("direction").asString()).isEqualTo("IN");
        assertThat(correspondence.get(1).path("messageId").asString()).isEqualTo(answer.getMessageID());

        // A delivery status notification about the reply marks it bounced.
        MimeMessage dsn = new MimeMessage(GreenMailUtil.getSession(mailServer.getSmtp().getServerSetup()));
        dsn.setFrom(new InternetAddress("MAILER-DAEMON@mx.example"));
        dsn.setRecipient(Message.RecipientType.TO, new InternetAddress(INBOX));
        dsn.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        report.addBodyPart(text("Your message could not be delivered."));
        MimeBodyPart status = new MimeBodyPart();
        status.setDataHandler(new DataHandler(new ByteArrayDataSource(("Reporting-MTA: dns; mx.example\r\n\r\n"
                + "Final-Recipient: rfc822; " + sender + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n").getBytes(StandardCharsets.US_ASCII),
                "message/delivery-status")));
        report.addBodyPart(status);
        MimeBodyPart original = new MimeBodyPart();
        original.setDataHandler(new DataHandler(new ByteArrayDataSource(("Message-ID: " + reply.getMessageID()
                + "\r\nSubject: x\r\n").getBytes(StandardCharsets.US_ASCII), "text/rfc822-headers")));
        report.addBodyPart(original);
        dsn.setContent(report);
        send(dsn);
        assertThat(intake().pollOnce()).extracting(Outcome::result).containsExactly(Result.BOUNCE);
        JsonNode bounced = ok(get("clerk", "/api/letters/" + letter.id + "/correspondence")).body().get(0);
        assertThat(bounced.path("status").asString()).isEqualTo("BOUNCED");
        assertThat(bounced.path("reason").asString()).contains("550 5.1.1");
    }

    @Test
    void whileTheSmtpServerIsDownTheReplyIsRetriedAndArrivesOnceWhenItReturns() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String sender = unique("retry");
        Approved letter = approvedLetter(sender);
        ok(post("handler", "/api/letters/" + letter.id + "/reply", Map.of("channel", "EMAIL")));
        awaitQueued(letter.id, 1);

        MailOutbox outbox = outbox(port, Duration.ofMillis(300));
        List<MailOutbox.Attempt> down = outbox.sendDue();
        assertThat(down).isNotEmpty().allMatch(attempt -> !attempt.sent());
        JsonNode failed = ok(get("clerk", "/api/letters/" + letter.id + "/correspondence")).body().get(0);
        assertThat(failed.path("status").asString()).isEqualTo("QUEUED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("reason").asString()).isNotBlank();

        GreenMail returned = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        returned.start();
        try {
            awaitUntil(() -> outbox.sendDue().stream().anyMatch(MailOutbox.Attempt::sent));
            outbox.sendDue();
            List<MimeMessage> arrived = returned.findReceivedMessages(user -> user.getEmail().equals(sender),
                    m -> true).toList();
            assertThat(arrived).hasSize(1);
            assertThat(arrived.get(0).getSubject()).contains(letter.serialNo);
            JsonNode sent = ok(get("clerk", "/api/letters/" + letter.id + "/correspondence")).body().get(0);
            assertThat(sent.path("status").asString()).isEqualTo("SENT");
            assertThat(sent.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(sent.path("messageId").asString()).isEqualTo(arrived.get(0).getMessageID());
        } finally {
            returned.stop();
        }
    }

    @Test
    void aPassTriesEachDueMailOnceEvenWhenItsBackOffEndsDuringThePass() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Approved letter = approvedLetter(unique("once"));
        ok(post("handler", "/api/letters/" + letter.id + "/reply", Map.of("channel", "EMAIL")));
        awaitQueued(letter.id, 1);

        // No back-off at all: the failed mail is due again at once, yet this pass must not try it again.
        outbox(port, Duration.ZERO).sendDue();
        JsonNode mail = ok(get("clerk", "/api/letters/" + letter.id + "/correspondence")).body().get(0);
        assertThat(mail.path("attempts").asInt()).isEqualTo(1);
        assertThat(mail.path("status").asString()).isEqualTo("QUEUED");
    }

    @Test
    void aDelayNoticeOfAMailedInLetterGoesByMail() throws Exception {
        String sender = unique("delay");
        send(mail(sender, "孙八", "投诉快递延误", "快递三天未到"));
        String letterId = intake().pollOnce().get(0).letterId();
        ok(post("clerk", "/api/letters/" + letterId + "/assignment", Map.of("department", "CUSTOMER_SERVICE")));
        ok(post("handler", "/api/letters/" + letterId + "/delay", Map.of("reason", "需要物流公司协查",
                "expectedCompletion", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(10).withNano(0)
                        .toString())));
        awaitQueued(letterId, 1);
        outbox(mailServer.getSmtp().getPort(), Duration.ofSeconds(1)).sendDue();
        List<MimeMessage> notice = inbox(sender);
        assertThat(notice).hasSize(1);
        assertThat(notice.get(0).getSubject()).startsWith("延迟答复说明");
        assertThat((String) notice.get(0).getContent()).contains("尊敬的孙八").contains("需要物流公司协查");
        // An answer to the letter's own mail carries the intake mail's Message-ID as In-Reply-To.
        assertThat(notice.get(0).getHeader("In-Reply-To")).isNotNull();
    }

    @Test
    void anOutgoingMailCarriesItsStoredFiles() throws Exception {
        // The sender's side of attachments: a queued mail naming stored files (as a reply with a draft's
        // attachments is queued) goes out with each file, byte for byte.
        String sender = unique("files");
        Approved letter = approvedLetter(sender);
        String sha = attachmentStore.store(new ByteArrayInputStream(PDF), "流程图.pdf", "application/pdf", "handler")
                .sha256();
        String messageId = "<" + UUID.randomUUID() + "@letterdesk.local>";
        jdbc.update("INSERT INTO mail_outbox (message_id, letter_id, serial_no, kind, subject, body, attachments, "
                + "status, attempts, next_attempt_at, queued_at) VALUES (?, ?, ?, 'REPLY', ?, '正文', ?, 'QUEUED', 0, "
                + "now(), now())", messageId, letter.id, letter.serialNo, "答复（登记号 " + letter.serialNo + "）",
                sha + "\tapplication/pdf\t流程图.pdf\n");
        outbox(mailServer.getSmtp().getPort(), Duration.ofSeconds(1)).sendDue();
        List<MimeMessage> arrived = inbox(sender);
        assertThat(arrived).hasSize(1);
        MimeMultipart parts = (MimeMultipart) arrived.get(0).getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(parts.getBodyPart(1).getFileName()))
                .isEqualTo("流程图.pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(PDF);
        assertThat(arrived.get(0).getMessageID()).isEqualTo(messageId);
    }

    @Test
    void aDraftsStoredFilesAreListedInTheReplyApprovedWithItAndSentWithTheEmail() throws Exception {
        String sender = unique("draft-files");
        UUID flowchart = attachmentStore.store(new ByteArrayInputStream(PNG), "办理流程图.png", "image/png", "handler")
                .attachmentId();
        UUID explanation = attachmentStore.store(new ByteArrayInputStream(PDF), "说明.pdf", "application/pdf",
                "handler").attachmentId();
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        body.put("channel", "EMAIL");
        body.put("sender", Map.of("name", "吴十", "email", sender));
        body.put("attachments", List.of());
        Reply created = created(post("clerk", "/api/letters", body));
        String id = created.body().path("letterId").asString();
        String serialNo = created.body().path("serialNo").asString();
        String base = "/api/letters/" + id;
        Reply assigned = ok(post("clerk", base + "/assignment", Map.of("department", "CUSTOMER_SERVICE")));
        long assignedVersion = assigned.body().path("version").asLong();

        // A draft naming a file the store does not know is refused, and nothing is recorded.
        Reply unknown = post("handler", base + "/drafts", Map.of("summary", "现答复如下：", "points", List.of("见附件。"),
                "attachments", List.of(Map.of("attachmentId", flowchart.toString()),
                        Map.of("attachmentId", UUID.randomUUID().toString()))));
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.body().at("/errors/0/field").asString()).isEqualTo("attachments[1].attachmentId");
        JsonNode unchanged = view(id, assignedVersion);
        assertThat(unchanged.path("version").asLong()).isEqualTo(assignedVersion);
        assertThat(unchanged.path("drafts").size()).isZero();

        Reply drafted = ok(post("handler", base + "/drafts", Map.of("summary", "关于您反映的问题，现答复如下：",
                "points", List.of("办理流程见附件。"),
                "attachments", List.of(Map.of("attachmentId", flowchart.toString()),
                        Map.of("attachmentId", explanation.toString())))));
        JsonNode files = view(id, drafted.body().path("version").asLong()).at("/drafts/0/content/attachments");
        assertThat(files.size()).isEqualTo(2);
        assertThat(files.get(0).path("fileName").asString()).isEqualTo("办理流程图.png");
        assertThat(files.get(0).path("sha256").asString()).isEqualTo(sha256(PNG));
        assertThat(files.get(1).path("sizeBytes").asLong()).isEqualTo(PDF.length);
        String rendered = http.get().uri(base + "/drafts/1/rendered").header(HttpHeaders.AUTHORIZATION,
                basic("reviewer")).retrieve().body(String.class);
        assertThat(rendered).contains("\u3000\u3000附件：\n"
                + "\u3000\u30001. 办理流程图.png（image/png，" + PNG.length + " B）\n"
                + "\u3000\u30002. 说明.pdf（application/pdf，" + PDF.length + " B）\n");

        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        ok(post("handler", base + "/reply", Map.of("channel", "EMAIL")));
        awaitQueued(id, 1);
        outbox(mailServer.getSmtp().getPort(), Duration.ofSeconds(1)).sendDue();

        List<MimeMessage> arrived = inbox(sender);
        assertThat(arrived).hasSize(1);
        assertThat(arrived.get(0).getSubject()).contains(serialNo);
        MimeMultipart parts = (MimeMultipart) arrived.get(0).getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(rendered);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(parts.getBodyPart(1).getFileName()))
                .isEqualTo("办理流程图.png");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(PNG);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(parts.getBodyPart(2).getFileName()))
                .isEqualTo("说明.pdf");
        assertThat(parts.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(PDF);
    }

    // ------------------------------------------------------------------ helpers

    /** The letter's view once the projection has it (this machine's load can outlast one bounded wait). */
    JsonNode view(String letterId, long minVersion) {
        Reply[] last = new Reply[1];
        awaitUntil(() -> (last[0] = get("clerk", "/api/letters/" + letterId + "?minVersion=" + minVersion))
                .status() == 200);
        return last[0].body();
    }

    record Approved(String id, String serialNo) {
    }

    Approved approvedLetter(String senderEmail) {
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        body.put("channel", "EMAIL");
        body.put("sender", Map.of("name", "周九", "email", senderEmail));
        body.put("attachments", List.of());
        Reply created = created(post("clerk", "/api/letters", body));
        String id = created.body().path("letterId").asString();
        String base = "/api/letters/" + id;
        ok(post("clerk", base + "/assignment", Map.of("department", "CUSTOMER_SERVICE")));
        ok(post("handler", base + "/drafts", Map.of("summary", "关于您反映的问题，现答复如下：",
                "points", List.of("已为您补发积分。", "今后积分将按时到账。"))));
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        return new Approved(id, created.body().path("serialNo").asString());
    }

    void awaitQueued(String letterId, int count) {
        awaitUntil(() -> jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE letter_id = ?", Integer.class,
                letterId) == count);
    }

    List<MimeMessage> inbox(String address) {
        return mailServer.findReceivedMessages(user -> user.getEmail().equals(address), m -> true).toList();
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    MimeMessage mail(String from, String name, String subject, String text) throws Exception {
        MimeMessage mail = new MimeMessage(GreenMailUtil.getSession(mailServer.getSmtp().getServerSetup()));
        mail.setFrom(new InternetAddress(from, name, StandardCharsets.UTF_8.name()));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(INBOX));
        mail.setSubject(subject, StandardCharsets.UTF_8.name());
        if (text != null) {
            mail.setText(text, StandardCharsets.UTF_8.name());
        }
        return mail;
    }

    static MimeMultipart multipart(MimeBodyPart... parts) throws MessagingException {
        MimeMultipart multipart = new MimeMultipart();
        for (MimeBodyPart part : parts) {
            multipart.addBodyPart(part);
        }
        return multipart;
    }

    static MimeBodyPart text(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, StandardCharsets.UTF_8.name());
        return part;
    }

    static MimeBodyPart file(String name, String type, byte[] content) throws MessagingException, IOException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(name, "UTF-8", "B"));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64"); // as mail programs send files
        return part;
    }

    static void send(MimeMessage mail) throws MessagingException {
        mail.saveChanges();
        Transport.send(mail);
    }

    /** Puts a mail into the intake mailbox as it is, also one that no SMTP client would send. */
    static void deliver(MimeMessage mail) throws MessagingException {
        mailServer.getUserManager().getUserByEmail(INBOX).deliver(mail);
    }
}
