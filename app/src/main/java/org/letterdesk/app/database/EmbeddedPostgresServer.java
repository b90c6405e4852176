package org.letterdesk.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL: durable (fsync, full-page writes and synchronous commit on — the library starts the
 * postmaster with {@code -F}, fsync off, and the {@code -c fsync=on} given after it overrides that), reachable over
 * loopback only with a generated password ({@link EmbeddedCredentials}), started only after whatever a previous run
 * left on the data directory has been told apart from unrelated processes ({@link PostmasterProcesses}), and
 * restarted by a watchdog when its postmaster dies.
 * <p>
 * One server per data directory and JVM: test contexts that Spring caches side by side share one server instead of
 * each starting its own. Stopped when the JVM exits.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Logger postgresLog = LoggerFactory.getLogger("org.letterdesk.app.database.postgres");
    private static final Map<String, EmbeddedPostgresServer> RUNNING = new HashMap<>();
    private static final Duration CLEAR_WAIT = Duration.ofSeconds(60);
    private static final Duration MAX_RESTART_DELAY = Duration.ofMinutes(1);

    /** The server's settings, given on its command line (they override postgresql.conf). */
    static final Map<String, String> SETTINGS = settings();

    /** How the watchdog looks after the postmaster. */
    record Watchdog(Duration interval, Duration restartDelay) {
        static final Watchdog DEFAULT = new Watchdog(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    private final Path dataDir;
    private final boolean temporary;
    private final String password;
    private final EmbeddedPostgres library;
    private final int port;
    private final Watchdog watchdog;
    private final ScheduledExecutorService watcher;
    private volatile ProcessHandle postmaster;
    private volatile boolean closed;
    private int failedRestarts;
    private long restartAt;

    private EmbeddedPostgresServer(Path dataDir, boolean temporary, int port, Watchdog watchdog) throws IOException {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.watchdog = watchdog;
        if (Files.exists(dataDir)) {
            PostmasterProcesses.clearForStart(dataDir, CLEAR_WAIT);
        }
        this.password = EmbeddedCredentials.passwordFor(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(PostgresBinaries.INSTANCE)
                .setOverrideWorkingDirectory(PostgresBinaries.INSTANCE.workingDirectory())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setDataDirectoryCustomizer(dir -> EmbeddedCredentials.secure(dir.toPath(), password))
                .setConnectConfig("password", password);
        SETTINGS.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        this.library = builder.start();
        this.port = library.getPort();
        this.postmaster = findPostmaster();
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::watch, watchdog.interval().toMillis(), watchdog.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The JVM's server for this data directory ("" or null: a throw-away one), started on first use. */
    static synchronized EmbeddedPostgresServer shared(String dataDirectory, int port, Watchdog watchdog) {
        String key = dataDirectory == null || dataDirectory.isBlank() ? "<temporary>" : dataDirectory;
        return RUNNING.computeIfAbsent(key, k -> {
            EmbeddedPostgresServer server = start("<temporary>".equals(k) ? null : Path.of(k), port, watchdog);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
            return server;
        });
    }

    /** A server of its own on {@code dataDir} (null: a throw-away directory); the caller closes it. */
    static EmbeddedPostgresServer start(Path dataDir, int port, Watchdog watchdog) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("letterdesk-pg-") : dataDir.toAbsolutePath();
            Files.createDirectories(dir.getParent());
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, temporary, port, watchdog);
            log.info("Embedded PostgreSQL started on port {} with data directory {}", server.port,
                    temporary ? "(temporary) " + dir : dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    int port() {
        return port;
    }

    String user() {
        return EmbeddedCredentials.USER;
    }

    String password() {
        return password;
    }

    Path dataDirectory() {
        return dataDir;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** The running postmaster, as the watchdog knows it. */
    ProcessHandle postmaster() {
        return postmaster;
    }

    private void watch() {
        try {
            if (closed || postmaster.isAlive()) {
                return;
            }
            long now = System.nanoTime();
            if (restartAt == 0) {
                Duration delay = restartDelay();
                log.error("The embedded PostgreSQL (pid {}) on {} has stopped; restarting it in {}",
                        postmaster.pid(), dataDir, delay);
                restartAt = now + delay.toNanos();
            }
            if (now - restartAt < 0) {
                return;
            }
            restart();
            failedRestarts = 0;
            restartAt = 0;
        } catch (RuntimeException | IOException e) {
            failedRestarts++;
            restartAt = 0;
            log.error("Restarting the embedded PostgreSQL on {} failed (attempt {})", dataDir, failedRestarts, e);
        }
    }

    private Duration restartDelay() {
        Duration delay = watchdog.restartDelay().multipliedBy(1L << Math.min(failedRestarts, 16));
        return delay.compareTo(MAX_RESTART_DELAY) > 0 ? MAX_RESTART_DELAY : delay;
    }

    /** Starts the postmaster again on the same directory and port, as the library started it (minus -F). */
    private synchronized void restart() throws IOException {
        if (closed) {
            return;
        }
        PostmasterProcesses.clearForStart(dataDir, CLEAR_WAIT);
        EmbeddedCredentials.secure(dataDir, password);
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port)));
        SETTINGS.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
        Process pgCtl = new ProcessBuilder(PostgresBinaries.INSTANCE.command("pg_ctl", "-D", dataDir.toString(),
                "-o", String.join(" ", options), "-w", "-t", "60", "start")).redirectErrorStream(true).start();
        // The postmaster inherits pg_ctl's output and writes its log there for as long as it runs.
        Thread logger = new Thread(() -> forwardLog(pgCtl), "embedded-postgres-log");
        logger.setDaemon(true);
        logger.start();
        try {
            if (!pgCtl.waitFor(90, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
                throw new IOException("pg_ctl start failed on " + dataDir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while restarting the embedded PostgreSQL", e);
        }
        postmaster = findPostmaster();
        log.warn("Embedded PostgreSQL restarted on port {} (pid {})", port, postmaster.pid());
    }

    private ProcessHandle findPostmaster() {
        long pid = PostmasterProcesses.pidInFile(dataDir)
                .orElseThrow(() -> new IllegalStateException("No postmaster.pid in " + dataDir));
        if (!PostmasterProcesses.isPostmasterOf(pid, dataDir)) {
            throw new IllegalStateException("pid " + pid + " is not the postmaster of " + dataDir);
        }
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("The postmaster has gone"));
    }

    private static void forwardLog(Process process) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                postgresLog.info(line);
            }
        } catch (IOException e) {
            // the postmaster has gone; nothing more to forward
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watcher.shutdownNow();
        try {
            if (!postmaster.isAlive()) {
                // The library stops the server with pg_ctl, which signals the PID in postmaster.pid: make sure that
                // a dead postmaster's PID, perhaps reused by now, is not in it.
                PostmasterProcesses.clearForStart(dataDir, Duration.ofSeconds(10));
            }
            library.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the temporary data directory {}", dir, e);
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("full_page_writes", "on");
        settings.put("synchronous_commit", "on");
        settings.put("listen_addresses", "localhost");
        settings.put("password_encryption", "scram-sha-256");
        settings.put("max_connections", "200");
        settings.put("timezone", "UTC");
        return java.util.Collections.unmodifiableMap(settings);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + dataDir + ", port " + port + "]";
    }
}
