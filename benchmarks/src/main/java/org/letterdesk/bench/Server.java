package org.letterdesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test as a child process on a free port: the packaged application against the benchmark database,
 * or the framework floor (docs/benchmarks.md) against its own database.
 */
final class Server implements AutoCloseable {

    private final Process process;
    final int port;
    final Path log;
    private final String healthPath;
    private long peakRssKb = -1;

    private Server(Process process, int port, Path log, String healthPath) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.healthPath = healthPath;
    }

    /** The packaged application. */
    static Server start(Config config, String label) throws Exception {
        return start(config, label, List.of());
    }

    /** The packaged application with extra application arguments (e.g. a property of the measured variant). */
    static Server start(Config config, String label, List<String> extraArguments) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + config.serverHeap()));
        command.addAll(config.serverJvmOptions());
        command.addAll(List.of("-jar", config.appJar().toString(),
                "--spring.datasource.url=" + config.jdbcUrl(),
                "--spring.datasource.username=" + config.pgUser(),
                "--server.port=" + port,
                // The command benchmarks measure no mail: no embedded mail server, no mailbox polling or sending.
                "--letterdesk.mail.embedded.enabled=false",
                "--letterdesk.mail.intake.enabled=false",
                "--letterdesk.mail.outbox.enabled=false",
                "--logging.level.root=WARN"));
        command.addAll(extraArguments);
        return start(config, "server-" + label, command, port, "/actuator/health");
    }

    /** The framework floor, from the harness's own classpath, with the app's heap. */
    static Server startFloor(Config config, String label) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + config.serverHeap()));
        command.addAll(config.serverJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.letterdesk.bench.floor.FloorApplication",
                "--spring.datasource.url=" + config.floorJdbcUrl(),
                "--spring.datasource.username=" + config.pgUser(),
                "--server.port=" + port,
                "--floor.cached-letters=" + config.floorCachedLetters()));
        return start(config, "floor-" + label, command, port, "/floor/health");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Server start(Config config, String logName, List<String> command, int port, String healthPath)
            throws Exception {
        Files.createDirectories(config.outDir());
        Path log = config.outDir().resolve(logName + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Server server = new Server(process, port, log, healthPath);
        // A harness that fails mid-run must not leave its server behind: it would keep projecting into the next
        // run's freshly created database and take its CPU.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + logName));
        // On a loaded shared machine a start (Flyway on a fresh database included) can take minutes.
        server.awaitHealthy(Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault(
                "BENCH_SERVER_START_TIMEOUT_S", "180"))));
        return server;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + healthPath)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("server not healthy within " + timeout + "; see " + log);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** VmHWM of the server process: its peak resident set size so far, in kB. */
    long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone: keep the last reading
        }
        return peakRssKb;
    }

    /** Stops the server (SIGTERM, then forcibly after 60 s); answers its peak RSS in kB. */
    long stop() throws InterruptedException {
        long rss = peakRssKb();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return rss;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
