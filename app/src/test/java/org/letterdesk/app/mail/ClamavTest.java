package org.letterdesk.app.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.letterdesk.command.attachment.AttachmentRefused;
import org.letterdesk.command.attachment.AttachmentStore;
import org.letterdesk.command.attachment.ClamdClient;
import org.letterdesk.command.attachment.VirusScannerUnavailable;
import org.letterdesk.command.mail.MailIntake;
import org.letterdesk.command.mail.MailIntake.Outcome;
import org.letterdesk.command.mail.MailIntake.Result;
import org.letterdesk.command.mail.MailMetrics;
import org.letterdesk.command.mail.MailSettings;
import org.letterdesk.command.mail.ReplyRecipients;
import org.letterdesk.problem.LetterdeskProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.letterdesk.app.mail.AttachmentTest.PDF;
import static org.letterdesk.app.mail.AttachmentTest.sha256;
import static org.letterdesk.app.mail.MailTest.file;
import static org.letterdesk.app.mail.MailTest.multipart;
import static org.letterdesk.app.mail.MailTest.text;
import static org.letterdesk.app.mail.MailTest.unique;

/**
 * Virus scanning against a real ClamAV daemon: clamd is started by the test on a loopback TCP port and a Unix socket
 * in a temporary directory, with only a signature database of its own (an .ndb signature for a marker string this
 * test writes into files, so no signature download is needed). Without clamd installed (Debian: clamav-daemon) the
 * tests are skipped.
 */
class ClamavTest extends ApiTestSupport {

    static final String INBOX = "letters@letterdesk.local";
    /** Any file containing these bytes is what the test's signature database calls infected. */
    static final String MARKER = "LETTERDESK-CLAMAV-TEST-MARKER-5c1e0f7a";
    static final String SIGNATURE = "Letterdesk.Test.Marker";
    /** clamd's StreamMaxLength here: a longer stream is answered with an error, not scanned. */
    static final int STREAM_MAX = 2 * 1024 * 1024;

    static Path dir;
    static Process clamd;
    static int clamdPort;
    static GreenMail mailServer;

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ReplyRecipients recipients;
    @Autowired
    MailMetrics metrics;
    @Autowired
    Clock clock;

    @BeforeAll
    static void startClamd() throws Exception {
        Path executable = clamdExecutable();
        assumeTrue(executable != null, "ClamAV tests skipped: no clamd (Debian package clamav-daemon) at "
                + "/usr/sbin/clamd or on the PATH");
        dir = Files.createTempDirectory("clamd-test");
        Files.createDirectories(dir.resolve("db"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("db/letterdesk-test.ndb"), SIGNATURE + ":0:*:"
                + HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n");
        clamdPort = freePort();
        Files.writeString(dir.resolve("clamd.conf"), String.join("\n",
                "Foreground yes",
                "DatabaseDirectory " + dir.resolve("db"),
                "TemporaryDirectory " + dir.resolve("tmp"),
                "LogFile " + dir.resolve("clamd.log"),
                "PidFile " + dir.resolve("clamd.pid"),
                "TCPAddr 127.0.0.1",
                "TCPSocket " + clamdPort,
                "LocalSocket " + dir.resolve("clamd.sock"),
                "StreamMaxLength " + STREAM_MAX,
                ""));
        clamd = new ProcessBuilder(executable.toString(), "--config-file=" + dir.resolve("clamd.conf"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("clamd.out").toFile()).start();
        ClamdClient client = tcp();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!client.ping()) {
            if (!clamd.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("clamd did not start: " + Files.readString(dir.resolve("clamd.out"))
                        + (Files.exists(dir.resolve("clamd.log")) ? Files.readString(dir.resolve("clamd.log")) : ""));
            }
            Thread.sleep(200);
        }
        mailServer = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mailServer.start();
        mailServer.setUser(INBOX, INBOX, INBOX);
    }

    @AfterAll
    static void stopClamd() throws Exception {
        if (mailServer != null) {
            mailServer.stop();
        }
        if (clamd != null) {
            clamd.destroy();
            if (!clamd.waitFor(30, TimeUnit.SECONDS)) {
                clamd.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aCleanFileIsKeptAndAnInfectedOneIsRefusedAndRecorded() throws Exception {
        AttachmentStore store = store(tcp());
        assertThat(store.store(new ByteArrayInputStream(PDF), "回执.pdf", "application/pdf", "clerk").sha256())
                .isEqualTo(sha256(PDF));

        byte[] infected = ("请查收附件说明。\n" + MARKER + "\n").getBytes(StandardCharsets.UTF_8);
        LetterdeskProblem refused = refusal(store, infected, "说明.txt", "text/plain");
        assertThat(refused).isInstanceOf(AttachmentRefused.class);
        assertThat(refused.code().name()).isEqualTo("ATTACHMENT_INFECTED");
        assertThat(refused.code().status()).isEqualTo(422);
        assertThat(refused.getMessage()).contains(SIGNATURE);
        assertThat(keptRows(infected)).isZero();
        assertThat(storeDir(store).resolve(sha256(infected).substring(0, 2)).resolve(sha256(infected))).doesNotExist();
        Map<String, Object> recorded = jdbc.queryForMap("SELECT * FROM attachment_scan_refusal WHERE sha256 = ?",
                sha256(infected));
        assertThat(recorded.get("outcome")).isEqualTo("INFECTED");
        assertThat((String) recorded.get("detail")).startsWith(SIGNATURE);
        assertThat(recorded.get("refused_by")).isEqualTo("clerk");
        assertThat(recorded.get("file_name")).isEqualTo("说明.txt");
    }

    @Test
    void theUnixSocketServesAsWellAsTcp() throws Exception {
        AttachmentStore store = store(new ClamdClient(dir.resolve("clamd.sock"), Duration.ofSeconds(30)));
        byte[] clean = ("来信附言，无害。" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        assertThat(store.store(new ByteArrayInputStream(clean), "附言.txt", "text/plain", "handler").sizeBytes())
                .isEqualTo(clean.length);
        byte[] infected = pdfWith(MARKER + java.util.UUID.randomUUID());
        assertThat(refusal(store, infected, "scan.pdf", "application/pdf").code().name())
                .isEqualTo("ATTACHMENT_INFECTED");
    }

    @Test
    void aFileClamdWillNotScanIsRefusedAndRecorded() throws Exception {
        byte[] long_ = new byte[STREAM_MAX + 512 * 1024];
        byte[] head = pdfWith(java.util.UUID.randomUUID().toString());
        System.arraycopy(head, 0, long_, 0, head.length);
        LetterdeskProblem refused = refusal(store(tcp()), long_, "long.pdf", "application/pdf");
        assertThat(refused.code().name()).as(refused.getMessage()).isEqualTo("ATTACHMENT_NOT_SCANNED");
        assertThat(keptRows(long_)).isZero();
        assertThat(jdbc.queryForObject("SELECT outcome FROM attachment_scan_refusal WHERE sha256 = ?", String.class,
                sha256(long_))).isEqualTo("NOT_SCANNED");
    }

    @Test
    void clamdNotAnsweringRefusesEveryFileWithAClearReason() throws Exception {
        int nobody = freePort();
        AttachmentStore store = store(new ClamdClient("127.0.0.1", nobody, Duration.ofSeconds(5)));
        byte[] clean = pdfWith(java.util.UUID.randomUUID().toString());
        LetterdeskProblem refused = refusal(store, clean, "clean.pdf", "application/pdf");
        assertThat(refused).isInstanceOf(VirusScannerUnavailable.class);
        assertThat(refused.code().name()).isEqualTo("VIRUS_SCANNER_UNAVAILABLE");
        assertThat(refused.code().status()).isEqualTo(503);
        assertThat(refused.getMessage()).contains("clean.pdf").contains("try again later");
        assertThat(keptRows(clean)).isZero();
        Map<String, Object> recorded = jdbc.queryForMap("SELECT * FROM attachment_scan_refusal WHERE sha256 = ?",
                sha256(clean));
        assertThat(recorded.get("outcome")).isEqualTo("UNAVAILABLE");
        assertThat((String) recorded.get("detail")).contains("127.0.0.1:" + nobody);

        // A clamd that accepts the connection but never answers is given up after the timeout.
        try (ServerSocket silent = new ServerSocket(0)) {
            AttachmentStore waiting = store(new ClamdClient("127.0.0.1", silent.getLocalPort(),
                    Duration.ofSeconds(2)));
            byte[] slow = pdfWith(java.util.UUID.randomUUID().toString());
            LetterdeskProblem timedOut = refusal(waiting, slow, "slow.pdf", "application/pdf");
            assertThat(timedOut.code().name()).isEqualTo("VIRUS_SCANNER_UNAVAILABLE");
            assertThat(jdbc.queryForObject("SELECT detail FROM attachment_scan_refusal WHERE sha256 = ?",
                    String.class, sha256(slow))).contains("did not answer within");
            assertThat(keptRows(slow)).isZero();
        }
    }

    @Test
    void anInfectedMailIsQuarantinedAndWithClamdAwayAMailWaitsInTheMailbox() throws Exception {
        MimeMessage infected = mail(unique("virus"), "可疑来信", null);
        byte[] payload = ("发票见附件。" + MARKER + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        infected.setContent(multipart(text("请查收。"), file("发票.txt", "text/plain", payload)));
        MailTest.send(infected);
        MimeMessage good = mail(unique("good"), "正常带附件来信", null);
        byte[] pdf = pdfWith(java.util.UUID.randomUUID().toString());
        good.setContent(multipart(text("附件为回执。"), file("回执.pdf", "application/pdf", pdf)));
        MailTest.send(good);

        List<Outcome> outcomes = intake(store(tcp())).pollOnce();
        assertThat(outcomes).extracting(Outcome::result).containsExactly(Result.QUARANTINED, Result.REGISTERED);
        assertThat(outcomes.get(0).reason()).contains("ATTACHMENT_INFECTED").contains(SIGNATURE);
        assertThat(jdbc.queryForObject("SELECT reason FROM mail_quarantine WHERE message_id = ?", String.class,
                outcomes.get(0).messageId())).contains("ATTACHMENT_INFECTED").contains(SIGNATURE);
        assertThat(jdbc.queryForObject("SELECT refused_by FROM attachment_scan_refusal WHERE sha256 = ?",
                String.class, sha256(payload))).isEqualTo("mail");
        assertThat(keptRows(pdf)).isEqualTo(1);

        // clamd away: the mail is neither registered nor quarantined but stays for the next poll (fail closed).
        MimeMessage waiting = mail(unique("later"), "等待扫描的来信", null);
        waiting.setContent(multipart(text("附件为照片。"), file("回执2.pdf", "application/pdf",
                pdfWith(java.util.UUID.randomUUID().toString()))));
        MailTest.send(waiting);
        String messageId = waiting.getMessageID();
        MailIntake away = intake(store(new ClamdClient("127.0.0.1", freePort(), Duration.ofSeconds(5))));
        assertThatThrownBy(away::pollOnce).isInstanceOf(MessagingException.class)
                .hasMessageContaining("left in the mailbox");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_intake WHERE message_id = ?", Integer.class,
                messageId)).isZero();
        assertThat(mailServer.getManagers().getImapHostManager()
                .getInbox(mailServer.getUserManager().getUserByEmail(INBOX)).getMessageCount()).isEqualTo(1);

        List<Outcome> later = intake(store(tcp())).pollOnce();
        assertThat(later).extracting(Outcome::result).containsExactly(Result.REGISTERED);
        assertThat(later.get(0).messageId()).isEqualTo(messageId);
    }

    // ------------------------------------------------------------------ helpers

    static ClamdClient tcp() {
        return new ClamdClient("127.0.0.1", clamdPort, Duration.ofSeconds(30));
    }

    AttachmentStore store(ClamdClient scanner) throws IOException {
        return new AttachmentStore(Files.createTempDirectory("clamav-store"), 5L * 1024 * 1024,
                "application/pdf,image/png,text/plain", jdbc, clock, scanner);
    }

    static Path storeDir(AttachmentStore store) {
        try {
            var field = AttachmentStore.class.getDeclaredField("directory");
            field.setAccessible(true);
            return (Path) field.get(store);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    MailIntake intake(AttachmentStore store) {
        return new MailIntake(new MailSettings.Intake(true, "127.0.0.1", mailServer.getImap().getPort(), false,
                INBOX, INBOX, Duration.ofSeconds(5), 8L * 1024 * 1024), commandGateway, transactions, jdbc,
                store, recipients, metrics, clock);
    }

    MimeMessage mail(String from, String subject, String text) throws Exception {
        MimeMessage mail = new MimeMessage(GreenMailUtil.getSession(mailServer.getSmtp().getServerSetup()));
        mail.setFrom(new InternetAddress(from, "来信人", StandardCharsets.UTF_8.name()));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(INBOX));
        mail.setSubject(subject, StandardCharsets.UTF_8.name());
        if (text != null) {
            mail.setText(text, StandardCharsets.UTF_8.name());
        }
        return mail;
    }

    static LetterdeskProblem refusal(AttachmentStore store, byte[] content, String name, String type) {
        try {
            store.store(new ByteArrayInputStream(content), name, type, "clerk");
        } catch (LetterdeskProblem problem) {
            return problem;
        }
        throw new AssertionError(name + " was kept");
    }

    int keptRows(byte[] content) {
        return jdbc.queryForObject("SELECT count(*) FROM attachment WHERE sha256 = ?", Integer.class,
                sha256(content));
    }

    static byte[] pdfWith(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static Path clamdExecutable() {
        for (String candidate : new String[] {"/usr/sbin/clamd", "/usr/local/sbin/clamd"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "clamd");
            if (!entry.isBlank() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
