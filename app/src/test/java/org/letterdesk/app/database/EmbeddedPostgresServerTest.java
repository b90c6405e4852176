package org.letterdesk.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL on data directories of its own: durable settings, password authentication over loopback
 * only (also for a directory an earlier version created with trust), a start-up that signals nothing but this
 * directory's own postmaster, and the watchdog that restarts a postmaster that died.
 */
@DisabledIfEnvironmentVariable(named = "LETTERDESK_TEST_DB_URL", matches = ".+") // the same either way
class EmbeddedPostgresServerTest {

    private static final EmbeddedPostgresServer.Watchdog QUICK =
            new EmbeddedPostgresServer.Watchdog(Duration.ofMillis(200), Duration.ofMillis(200));

    @TempDir
    Path temp;

    @Test
    void theServerIsDurableAndAcceptsOnlyItsGeneratedPasswordOverLoopback() throws Exception {
        Path dir = temp.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, QUICK)) {
            try (Connection connection = connect(server)) {
                assertThat(show(connection, "fsync")).isEqualTo("on");
                assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(show(connection, "full_page_writes")).isEqualTo("on");
                assertThat(show(connection, "listen_addresses")).isEqualTo("localhost");
                assertThat(show(connection, "password_encryption")).isEqualTo("scram-sha-256");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "postgres"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");

            Path passwordFile = dir.resolve(EmbeddedCredentials.PASSWORD_FILE);
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThan(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(activeHbaLines(dir)).containsExactly(
                    "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256");
        }
    }

    @Test
    void aRestartKeepsThePasswordAndTheData() throws Exception {
        Path dir = temp.resolve("pg");
        String password;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, QUICK);
             Connection connection = connect(server); Statement sql = connection.createStatement()) {
            password = server.password();
            sql.execute("CREATE TABLE kept (x int); INSERT INTO kept VALUES (7)");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, QUICK);
             Connection connection = connect(server)) {
            assertThat(server.password()).isEqualTo(password);
            assertThat(query(connection, "SELECT x FROM kept")).isEqualTo("7");
        }
    }

    @Test
    void aDataDirectoryCreatedWithTrustByAnEarlierVersionIsConvertedAndKeepsItsData() throws Exception {
        Path dir = temp.resolve("pg");
        // What earlier versions did: the library's defaults, trust for every local connection.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dir)
                .setCleanDataDirectory(false).start();
             Connection connection = earlier.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE letters_before (x int); INSERT INTO letters_before VALUES (42)");
        }
        assertThat(activeHbaLines(dir)).anyMatch(line -> line.endsWith("trust"));
        assertThat(dir.resolve(EmbeddedCredentials.PASSWORD_FILE)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, QUICK);
             Connection connection = connect(server)) {
            assertThat(query(connection, "SELECT x FROM letters_before")).isEqualTo("42");
            assertThat(activeHbaLines(dir)).noneMatch(line -> line.contains("trust"));
            assertThat(dir.resolve(EmbeddedCredentials.PASSWORD_FILE)).exists();
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aForeignProcessWhosePidIsInTheStalePidFileIsLeftAloneAndTheServerStarts() throws Exception {
        Path dir = temp.resolve("pg");
        EmbeddedPostgresServer.start(dir, 0, QUICK).close();
        Process foreign = new ProcessBuilder("sleep", "300").start();
        try {
            // A crash that took PostgreSQL down too left its pid file; the PID now belongs to another program.
            Files.writeString(dir.resolve("postmaster.pid"), foreign.pid() + "\n" + dir + "\n1700000000\n5432\n");
            assertThat(PostmasterProcesses.isPostmasterOf(foreign.pid(), dir)).isFalse();
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, QUICK);
                 Connection connection = connect(server)) {
                assertThat(query(connection, "SELECT 1")).isEqualTo("1");
                assertThat(server.postmaster().pid()).isNotEqualTo(foreign.pid());
            }
            assertThat(foreign.isAlive()).isTrue();
        } finally {
            foreign.destroyForcibly();
        }
    }

    @Test
    void aPostmasterThatAPreviousRunLeftOnTheDirectoryIsStoppedFirst() throws Exception {
        Path dir = temp.resolve("pg");
        EmbeddedPostgresServer.start(dir, 0, QUICK).close();
        // A run killed without shutting down leaves its postmaster running on the directory.
        Process pgCtl = new ProcessBuilder(PostgresBinaries.INSTANCE.command("pg_ctl", "-D", dir.toString(), "-o",
                "-p " + freePort(), "-w", "start")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(pgCtl.waitFor()).isZero();
        long orphan = PostmasterProcesses.pidInFile(dir).orElseThrow();
        assertThat(PostmasterProcesses.isPostmasterOf(orphan, dir)).isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, QUICK);
             Connection connection = connect(server)) {
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(query(connection, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void theWatchdogRestartsAPostmasterThatWasKilledOnTheSameDirectoryAndPort() throws Exception {
        Path dir = temp.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, QUICK)) {
            try (Connection connection = connect(server); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE acknowledged (x int); INSERT INTO acknowledged VALUES (1)");
            }
            ProcessHandle killed = server.postmaster();
            new ProcessBuilder("kill", "-KILL", Long.toString(killed.pid())).start().waitFor();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    server.postmaster().pid() != killed.pid() && server.postmaster().isAlive());
            try (Connection connection = connect(server)) {
                assertThat(query(connection, "SELECT x FROM acknowledged")).isEqualTo("1");
            }
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
    }

    private static String show(Connection connection, String setting) throws SQLException {
        return query(connection, "SHOW " + setting);
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> activeHbaLines(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("pg_hba.conf")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.replaceAll("\\s+", " ")).toList();
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
