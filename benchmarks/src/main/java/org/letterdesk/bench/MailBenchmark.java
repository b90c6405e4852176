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
 * E-mail rates (issue 15), each next to registering the same letters over HTTP in the same run. The packaged server
 * (embedded PostgreSQL in a fresh directory) is fed by a mail server in this process (GreenMail on loopback). Each of
 * BENCH_MAIL_ROUNDS rounds (default 3): the server starts on a mailbox of N mails and reads it (intake rate), then the
 * same N letters are registered over HTTP with one client (the intake is one reader too), then N more mails are
 * delivered to the warm server; a delay notice is committed for each HTTP letter with the outbox off, and the server
 * is restarted with the outbox on to send them: the send rate is N over the time from its health answering to the
 * last mail's arrival. Medians of the rounds, with the load averages of each window (a shared machine). Run with
 * scripts/benchmark-mail.sh.
 */
public final class MailBenchmark {

    private static final String INBOX = "letters@letterdesk.local";
    private static final Pattern LETTER_ID = Pattern.compile("\"letterId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int n = Integer.parseInt(System.getenv().getOrDefault("BENCH_MAIL_LETTERS", "1000"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_MAIL_ROUNDS", "3"));
        boolean warm = !"0".equals(System.getenv().getOrDefault("BENCH_MAIL_WARM", "1"));
        // How many of the HTTP letters get a delay notice, i.e. how many mails the outbox sends (default all N).
        int toSend = Integer.parseInt(System.getenv().getOrDefault("BENCH_MAIL_SEND", String.valueOf(n)));
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
        List<Round> results = new ArrayList<>();
        try {
            for (int round = 1; round <= rounds; round++) {
                Round r = round(jar, dataDir, out, mail, inbox, n, toSend, round, warm);
                log("round %d: %s", round, r);
                results.add(r);
                // Written after every round, so a run stopped early still leaves the rounds it finished.
                Files.writeString(out.resolve("mail.md"), table(results, n, Math.min(toSend, n)));
            }
        } finally {
            mail.stop();
        }
        String table = table(results, n, Math.min(toSend, n));
        Files.writeString(out.resolve("mail.md"), table);
        System.out.println(table);
    }

    /** One round's figures (rates per second) and the machine's load averages around each window. */
    record Round(double intake, double http, double warmIntake, double send, String loadIntake, String loadHttp,
                 String loadWarm, String loadSend) {
    }

    /**
     * One round on the same database and mail server: N mails waiting when the server starts (outbox off), the same
     * N letters over HTTP, N more mails delivered to the warm server, a delay notice (an EMAIL mail) queued for each
     * HTTP letter, then the server restarted with the outbox on to send them.
     */
    private static Round round(Path jar, Path dataDir, Path out, GreenMail mail, GreenMailUser inbox, int n,
                               int toSend, int round, boolean warmRound) throws Exception {
        long t = System.nanoTime();
        deliver(inbox, n, round + "a");
        log("round %d: %d mails in the mailbox (%.1f s)", round, n, seconds(t));
        int port = freePort();
        double intake;
        double http;
        double warmIntake;
        String loadIntake;
        String loadHttp;
        String loadWarm;
        List<String> httpLetters = new ArrayList<>();
        Process server = start(jar, dataDir, port, mail, false, out.resolve("mail-server-" + round + "a.log"));
        try {
            awaitHealth(port);
            String before = load();
            long ready = System.nanoTime();
            await(() -> inboxCount(mail, inbox) == 0, Duration.ofMinutes(60));
            intake = n / seconds(ready);
            loadIntake = before + " → " + load();
            log("intake (server just started): %d mails in %.1f s = %.1f mails/s, load %s", n, seconds(ready),
                    intake, loadIntake);

            before = load();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r = post(port, "clerk", "/api/letters", registration(round, i));
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("registration answered " + r.statusCode() + ": " + r.body());
                }
                Matcher id = LETTER_ID.matcher(r.body());
                if (!id.find()) {
                    throw new IllegalStateException("registration answered no letterId: " + r.body());
                }
                httpLetters.add(id.group(1));
            }
            http = n / seconds(start);
            loadHttp = before + " → " + load();
            log("HTTP registration (1 client): %d letters in %.1f s = %.1f letters/s, load %s", n, seconds(start),
                    http, loadHttp);

            if (warmRound) {
                before = load();
                long warm = System.nanoTime();
                deliver(inbox, n, round + "b");
                await(() -> inboxCount(mail, inbox) == 0, Duration.ofMinutes(60));
                warmIntake = n / seconds(warm);
                loadWarm = before + " → " + load();
                log("intake (warm server, delivery included): %d mails in %.1f s = %.1f mails/s, load %s", n,
                        seconds(warm), warmIntake, loadWarm);
            } else {
                warmIntake = Double.NaN;
                loadWarm = "";
            }

            long delays = System.nanoTime();
            queueDelayNotices(port, httpLetters.subList(0, Math.min(toSend, n)));
            log("delay notices queued: %d in %.1f s (4 clients, not a measured figure)", Math.min(toSend, n),
                    seconds(delays));
        } finally {
            stop(server);
        }

        int sentBefore = mail.getReceivedMessages().length;
        Process sender = start(jar, dataDir, port, mail, true, out.resolve("mail-server-" + round + "b.log"));
        try {
            awaitHealth(port);
            String before = load();
            long ready = System.nanoTime();
            int sending = Math.min(toSend, n);
            await(() -> mail.getReceivedMessages().length - sentBefore >= sending, Duration.ofMinutes(60));
            double send = sending / seconds(ready);
            String loadSend = before + " → " + load();
            log("outbox: %d mails sent in %.1f s = %.1f mails/s, load %s", sending, seconds(ready), send, loadSend);
            return new Round(intake, http, warmIntake, send, loadIntake, loadHttp, loadWarm, loadSend);
        } finally {
            stop(sender);
        }
    }

    /** A delay notice for each letter (channel EMAIL with an address, so each queues one mail), 4 clients. */
    private static void queueDelayNotices(int port, List<String> letters) throws Exception {
        String expected = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(20).withNano(0).toString();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (String letterId : letters) {
                done.add(pool.submit(() -> {
                    HttpResponse<String> r = post(port, "handler", "/api/letters/" + letterId + "/delay",
                            "{\"reason\":\"需要协查\",\"expectedCompletion\":\"" + expected + "\"}");
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("delay answered " + r.statusCode() + ": " + r.body());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String table(List<Round> rounds, int n, int sent) {
        StringBuilder b = new StringBuilder("| measure | median | rounds | load averages (1 / 5 / 15 min) at start → end of each round's window |\n"
                + "|---|---:|---|---|\n");
        b.append(row("Intake from a mailbox of " + n + " mails, server just started (mails/s)", rounds,
                Round::intake, Round::loadIntake));
        if (!Double.isNaN(rounds.get(0).warmIntake())) {
            b.append(row("Intake of " + n + " more mails, warm server, delivery included (mails/s)", rounds,
                    Round::warmIntake, Round::loadWarm));
        }
        b.append(row("HTTP registration of the same " + n + " letters, 1 client (letters/s)", rounds,
                Round::http, Round::loadHttp));
        b.append(row("Outbox: " + sent + " queued mails sent after a restart (mails/s)", rounds, Round::send,
                Round::loadSend));
        b.append(String.format(Locale.ROOT, "%nRatios (medians of the per-round ratios): intake ÷ HTTP %.2f, "
                        + "warm intake ÷ HTTP %.2f, send ÷ HTTP %.2f%n",
                Stats.median(rounds.stream().map(r -> r.intake() / r.http()).toList()),
                Stats.median(rounds.stream().map(r -> r.warmIntake() / r.http()).toList()),
                Stats.median(rounds.stream().map(r -> r.send() / r.http()).toList())));
        return b.toString();
    }

    private static String row(String what, List<Round> rounds, java.util.function.ToDoubleFunction<Round> value,
                              java.util.function.Function<Round, String> load) {
        List<Double> values = rounds.stream().map(r -> value.applyAsDouble(r)).toList();
        return String.format(Locale.ROOT, "| %s | **%.1f** | %s | %s |%n", what, Stats.median(values),
                String.join(" / ", values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList()),
                String.join("; ", rounds.stream().map(load).toList()));
    }

    /** The 1-, 5- and 15-minute load averages now (the machine is shared: they say what else ran). */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
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

    private static String registration(int round, int i) {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).withNano(0).toString();
        return "{\"channel\":\"EMAIL\",\"receivedAt\":\"" + receivedAt + "\",\"sender\":{\"name\":\"寄信人" + i
                + "\",\"email\":\"sender-h" + round + "-" + i + "@example.com\"},\"subject\":\"咨询第 " + i + " 号：会员积分\","
                + "\"coreRequest\":\"" + body(i) + "\",\"category\":\"CONSULTATION\"}";
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
