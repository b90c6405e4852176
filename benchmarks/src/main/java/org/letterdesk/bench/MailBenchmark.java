package org.letterdesk.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail rates (issue 15), each next to registering the same letters over HTTP in the same run: the packaged server
 * (embedded PostgreSQL in a fresh directory) reads a mailbox of N mails held by a mail server in this process
 * (GreenMail), then registers the same N letters over HTTP with one client (the intake is one reader too), then
 * reads N more mails delivered to the warm server; then N delay notices are committed (one HTTP command each) with
 * the outbox off, and the server is restarted with the outbox on to send them: the send rate is N over the time
 * from its start to the last mail's arrival. Run with scripts/benchmark-mail.sh.
 */
public final class MailBenchmark {

    private static final String INBOX = "letters@letterdesk.local";
    private static final Pattern LETTER_ID = Pattern.compile("\"letterId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int n = Integer.parseInt(System.getenv().getOrDefault("BENCH_MAIL_LETTERS", "1000"));
        Path jar = root.resolve("app/target/app-0.1.0-SNAPSHOT.jar");
        Path dataDir = Files.createTempDirectory("letterdesk-mail-bench");
        Path out = root.resolve("benchmarks/target/bench");
        Files.createDirectories(out);

        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        GreenMailUser inbox = mail.setUser(INBOX, INBOX, INBOX);
        List<String> report = new ArrayList<>();
        try {
            long t = System.nanoTime();
            deliver(inbox, n, "a");
            log("%d mails in the mailbox (%.1f s)", n, seconds(t));

            int port = freePort();
            Process server = start(jar, dataDir, port, mail, false, out.resolve("mail-server-1.log"));
            try {
                awaitHealth(port);
                long ready = System.nanoTime();
                await(() -> inboxCount(mail, inbox) == 0, Duration.ofMinutes(30));
                double coldIntake = n / seconds(ready);
                log("intake (cold server): %d mails in %.1f s = %.1f mails/s", n, seconds(ready), coldIntake);

                long http = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    HttpResponse<String> r = post(port, "clerk", "/api/letters", registration(i));
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("registration answered " + r.statusCode() + ": " + r.body());
                    }
                }
                double httpRate = n / seconds(http);
                log("HTTP registration (1 client): %d letters in %.1f s = %.1f letters/s", n, seconds(http), httpRate);

                long warm = System.nanoTime();
                deliver(inbox, n, "b");
                await(() -> inboxCount(mail, inbox) == 0, Duration.ofMinutes(30));
                double warmIntake = n / seconds(warm);
                log("intake (warm server, delivery included): %d mails in %.1f s = %.1f mails/s", n, seconds(warm),
                        warmIntake);

                List<String> letters = emailLetters(port, n);
                long delays = System.nanoTime();
                String expected = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(20).withNano(0).toString();
                for (String letterId : letters) {
                    HttpResponse<String> r = post(port, "handler", "/api/letters/" + letterId + "/delay",
                            "{\"reason\":\"需要协查\",\"expectedCompletion\":\"" + expected + "\"}");
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("delay answered " + r.statusCode() + ": " + r.body());
                    }
                }
                double delayRate = letters.size() / seconds(delays);
                log("delay notices committed over HTTP: %d in %.1f s = %.1f/s", letters.size(), seconds(delays),
                        delayRate);
                report.add(row("Intake from a mailbox of " + n + " mails, cold server (mails/s)", coldIntake));
                report.add(row("Intake of " + n + " more mails, warm server, delivery included (mails/s)",
                        warmIntake));
                report.add(row("Baseline: HTTP registration of the same " + n + " letters, 1 client (letters/s)",
                        httpRate));
                report.add(row("Delay notices committed over HTTP, 1 client (commands/s)", delayRate));
            } finally {
                stop(server);
            }

            int before = mail.getReceivedMessages().length;
            Process sender = start(jar, dataDir, port, mail, true, out.resolve("mail-server-2.log"));
            try {
                awaitHealth(port);
                long ready = System.nanoTime();
                await(() -> mail.getReceivedMessages().length - before >= n, Duration.ofMinutes(30));
                double sendRate = n / seconds(ready);
                log("outbox: %d mails sent in %.1f s = %.1f mails/s", n, seconds(ready), sendRate);
                report.add(row("Outbox drain of " + n + " queued mails after a restart (mails/s)", sendRate));
            } finally {
                stop(sender);
            }
        } finally {
            mail.stop();
        }
        String table = "| measure | rate |\n|---|---|\n" + String.join("\n", report) + "\n";
        Files.writeString(out.resolve("mail.md"), table);
        System.out.println(table);
    }

    private static String row(String what, double rate) {
        return String.format(Locale.ROOT, "| %s | %.1f |", what, rate);
    }

    private static void deliver(GreenMailUser inbox, int n, String round) throws Exception {
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < n; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("sender-" + round + i + "@example.com", "寄信人" + i, "UTF-8"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(INBOX));
            m.setSubject("咨询第 " + i + " 号：会员积分", "UTF-8");
            m.setText(body(i), "UTF-8");
            m.saveChanges();
            m.setHeader("Message-ID", "<" + UUID.randomUUID() + "@bench.example>");
            inbox.deliver(m);
        }
    }

    private static String body(int i) {
        return "您好，我是第 " + i + " 位来信人。三月份的消费积分至今未到账，请核实并补发，谢谢。".repeat(3);
    }

    private static String registration(int i) {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).withNano(0).toString();
        return "{\"channel\":\"EMAIL\",\"receivedAt\":\"" + receivedAt + "\",\"sender\":{\"name\":\"寄信人" + i
                + "\",\"email\":\"sender-h" + i + "@example.com\"},\"subject\":\"咨询第 " + i + " 号：会员积分\","
                + "\"coreRequest\":\"" + body(i) + "\",\"category\":\"CONSULTATION\"}";
    }

    /** The first n letters of the register (all came in by EMAIL), once the projection has them. */
    private static List<String> emailLetters(int port, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (ids.size() < n) {
            ids.clear();
            for (int page = 0; ids.size() < n; page++) {
                HttpResponse<String> r = get(port, "clerk", "/api/register?channel=EMAIL&size=100&page=" + page);
                Matcher m = LETTER_ID.matcher(r.body());
                int before = ids.size();
                while (m.find() && ids.size() < n) {
                    ids.add(m.group(1));
                }
                if (ids.size() == before) {
                    break;
                }
            }
            if (ids.size() < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("register has only " + ids.size() + " EMAIL letters");
                }
                Thread.sleep(500);
            }
        }
        return ids;
    }

    private static int inboxCount(GreenMail mail, GreenMailUser user) {
        try {
            return mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process start(Path jar, Path dataDir, int port, GreenMail mail, boolean outbox, Path log)
            throws IOException {
        List<String> command = List.of("java", "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--letterdesk.embedded-db.data-dir=" + dataDir.resolve("postgres"),
                "--letterdesk.attachments.dir=" + dataDir.resolve("attachments"),
                "--letterdesk.mail.embedded.enabled=false",
                "--letterdesk.mail.intake.port=" + mail.getImap().getPort(),
                "--letterdesk.mail.intake.poll-interval=200ms",
                "--letterdesk.mail.outbox.enabled=" + outbox,
                "--letterdesk.mail.outbox.port=" + mail.getSmtp().getPort(),
                "--letterdesk.mail.outbox.interval=200ms",
                "--logging.level.root=WARN");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void awaitHealth(int port) throws Exception {
        await(() -> {
            try {
                return get(port, null, "/actuator/health").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofMinutes(5));
    }

    private static void await(BooleanSupplier condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + max);
            }
            Thread.sleep(20);
        }
    }

    private static HttpResponse<String> post(int port, String user, String path, String json) throws Exception {
        return HTTP.send(request(port, user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(int port, String user, String path) throws Exception {
        return HTTP.send(request(port, user, path).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(int port, String user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }
}
