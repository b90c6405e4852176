package org.letterdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request Tracker 5 as the peer (docs/benchmarks.md, "A real peer"), installed and configured by
 * scripts/benchmark-rt.sh, driven over its REST2 API: ticket creation with a body of the registration's size, and
 * reading one ticket's history. Each client logs in once through RT's login form and sends its session cookie, as
 * RT's own web pages do when they call REST2; an auth token would cost a bcrypt check (RT's default cost 12,
 * ~250 ms here) on every request, which would measure the hash and not RT.
 */
final class RtPeer implements AutoCloseable {

    static final String HISTORY_FIELDS = "Type,Created,Creator,Field,OldValue,NewValue,Description";
    private static final Pattern TICKET_ID = Pattern.compile("\"id\"\\s*:\\s*\"?(\\d+)");
    private static final Pattern TRANSACTION = Pattern.compile("/REST/2\\.0/transaction/(\\d+)\"");

    private final Config config;
    final Map<String, String> settings;
    private final String base;
    private final HttpClient client;
    private final ExecutorService executor;
    private final String password;
    private final AtomicInteger errorsShown = new AtomicInteger();

    private RtPeer(Config config, Map<String, String> settings, int threads) throws IOException {
        this.config = config;
        this.settings = settings;
        this.base = settings.get("BENCH_RT_URL");
        this.password = Files.readString(Path.of(settings.get("BENCH_RT_PASSWORD_FILE"))).strip();
        this.executor = Executors.newFixedThreadPool(Math.max(2, threads));
        // Starlet closes each connection after its answer (no keep-alive), so every request opens a new one.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    }

    /** Starts RT's server with the script (set up beforehand by scripts/benchmark.sh) and waits until it answers. */
    static RtPeer start(Config config, int threads) throws Exception {
        script(config, "start");
        RtPeer peer = new RtPeer(config, settings(config), threads);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                script(config, "stop");
            } catch (Exception e) {
                // nothing more to do at exit
            }
        }, "stop-rt"));
        return peer;
    }

    /** KEY=VALUE lines of `scripts/benchmark-rt.sh env`: URL, credentials' files, pid file, workers, version. */
    private static Map<String, String> settings(Config config) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : script(config, "env").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                settings.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return settings;
    }

    private static String script(Config config, String action) throws Exception {
        Process p = new ProcessBuilder("bash", config.rtScript().toString(), action)
                .directory(config.root().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("scripts/benchmark-rt.sh " + action + " failed:\n" + out);
        }
        if (!action.equals("env")) {
            System.out.print(out);
        }
        return out;
    }

    /** The Starlet parent's process (its workers are its children). */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(Path.of(settings.get("BENCH_RT_PID_FILE"))).strip());
    }

    /** Logs in through RT's login form; answers the session cookie. */
    String login() throws Exception {
        String form = "user=" + URLEncoder.encode(settings.get("BENCH_RT_USER"), StandardCharsets.UTF_8)
                + "&pass=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/NoAuth/Login.html"))
                .timeout(Duration.ofSeconds(60)).header("Referer", base + "/")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("RT_SID_"))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("RT's login set no session cookie: " + r.statusCode()));
        HttpResponse<String> check = get(cookie, "/REST/2.0/queues/all");
        if (check.statusCode() != 200) {
            throw new IllegalStateException("RT's session was not accepted by REST2: " + check.statusCode());
        }
        return cookie;
    }

    private HttpResponse<String> get(String cookie, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * POST /REST/2.0/ticket. RT checks that a request carrying a session cookie comes from its own pages (Referer),
     * as it would for its web UI's scripts.
     */
    private HttpResponse<String> create(String cookie, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/REST/2.0/ticket"))
                        .timeout(Duration.ofSeconds(60)).header("Cookie", cookie).header("Referer", base + "/")
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Ticket creation in a closed loop; the created tickets' ids go to {@code created} (bounded by the caller). */
    ClosedLoop.Result creations(int clients, int warmupSeconds, int durationSeconds, Queue<String> created)
            throws Exception {
        AtomicLong tokens = new AtomicLong();
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            cookies.add(login());
        }
        return ClosedLoop.run(clients, warmupSeconds, durationSeconds, i -> {
            Random r = new Random(config.seed() + i * 7919L + System.nanoTime());
            String cookie = cookies.get(i);
            return () -> {
                String token = "RT" + Long.toString(System.nanoTime(), 36) + "x" + tokens.incrementAndGet();
                HttpResponse<String> response = create(cookie, ticketBody(r, token, settings.get("BENCH_RT_QUEUE")));
                if (response.statusCode() != 201) {
                    if (errorsShown.incrementAndGet() <= 5) {
                        System.err.println("  RT ticket creation answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    return false;
                }
                Matcher id = TICKET_ID.matcher(response.body());
                if (created != null && id.find()) {
                    created.offer(id.group(1));
                }
                return true;
            };
        }, null);
    }

    /**
     * One ticket's history, one request after the other: GET …/ticket/{id}/history with the transactions' fields, and
     * with {@code content} also each transaction's attachments (their text), which is what a client needs to show
     * the same as Letterdesk's history (events with their content).
     */
    Stats history(List<String> ticketIds, boolean content) throws Exception {
        String cookie = login();
        Stats stats = new Stats();
        for (String id : ticketIds) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(cookie, "/REST/2.0/ticket/" + id + "/history?fields=" + HISTORY_FIELDS);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("RT history of " + id + " answered " + r.statusCode() + ": " + r.body());
            }
            if (content) {
                Matcher m = TRANSACTION.matcher(r.body());
                while (m.find()) {
                    HttpResponse<String> a = get(cookie, "/REST/2.0/transaction/" + m.group(1)
                            + "/attachments?fields=Subject,ContentType,Content,Headers");
                    if (a.statusCode() != 200) {
                        throw new IllegalStateException("RT attachments of transaction " + m.group(1) + " answered "
                                + a.statusCode());
                    }
                }
            }
            stats.add(System.nanoTime() - t0);
        }
        return stats;
    }

    /**
     * A ticket of the queue whose JSON body has the size in bytes of a Letterdesk registration body drawn from the
     * same generator: the subject with the token, and the registration's other fields as the ticket's text.
     */
    static String ticketBody(Random r, String token, String queue) {
        int target = Workloads.registration(r, token).getBytes(StandardCharsets.UTF_8).length;
        String subject = Texts.subject(r) + " " + token;
        StringBuilder content = new StringBuilder()
                .append("来信人：").append(Texts.name(r)).append('\n')
                .append("电话：").append(Texts.phone(r)).append('\n')
                .append("电子邮件：").append(Texts.email(r)).append('\n')
                .append("地址：").append(Texts.address(r)).append('\n')
                .append("来信方式：信件；类别：投诉；收信时间：")
                .append(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0)).append('\n')
                .append("诉求：").append(Texts.coreRequest(r)).append('\n')
                .append("附件：receipt.jpg（image/jpeg，20480 字节，sha256 ").append(Texts.hex64(r)).append("）\n")
                .append("备注：来信附收据复印件");
        String body = ticketJson(queue, subject, content);
        int missing = target - body.getBytes(StandardCharsets.UTF_8).length;
        while (missing < 0 && content.length() > 0) {
            content.setLength(content.length() - 1);
            missing = target - ticketJson(queue, subject, content).getBytes(StandardCharsets.UTF_8).length;
        }
        String filler = Texts.coreRequest(r);
        for (int i = 0; missing >= 3; i++, missing -= 3) {
            content.append(filler.charAt(i % filler.length()) < 0x800 ? '。' : filler.charAt(i % filler.length()));
        }
        content.append(".".repeat(Math.max(0, missing)));
        return ticketJson(queue, subject, content);
    }

    private static String ticketJson(String queue, String subject, CharSequence content) {
        return "{\"Queue\":" + Workloads.json(queue) + ",\"Subject\":" + Workloads.json(subject)
                + ",\"Content\":" + Workloads.json(content.toString()) + ",\"ContentType\":\"text/plain\"}";
    }

    /** Resident memory of RT's server processes (the parent and its workers), kB. */
    long residentKb() {
        try {
            long total = 0;
            long root = pid();
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path p : processes.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        if (descends(Long.parseLong(name), root)) {
                            for (String line : Files.readAllLines(p.resolve("status"))) {
                                if (line.startsWith("VmRSS:")) {
                                    total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                                }
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        // ended meanwhile
                    }
                }
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean descends(long pid, long root) throws IOException {
        for (long p = pid; p > 1; ) {
            if (p == root) {
                return true;
            }
            String stat = Files.readString(Path.of("/proc/" + p + "/stat"));
            p = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        executor.shutdownNow();
        script(config, "stop");
    }
}
