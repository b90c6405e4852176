package org.letterdesk.app.database;

import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL's superuser password and who may connect. The library initialises a data directory that
 * trusts every local connection; before each start this makes sure that the directory has a generated password,
 * kept in {@value #PASSWORD_FILE} inside it (readable by its owner only, like the rest of the directory), that the
 * {@code postgres} role has it (as a SCRAM verifier, so the password itself never reaches the server), and that
 * {@code pg_hba.conf} accepts password (scram-sha-256) logins over loopback TCP and nothing else. A directory made by
 * an earlier version, with trust, is converted the same way on its first start.
 */
final class EmbeddedCredentials {

    static final String USER = "postgres";
    static final String PASSWORD_FILE = "letterdesk-password";
    private static final String HBA_MARKER = "# Letterdesk: scram-sha-256 over loopback TCP only";
    private static final String HBA = HBA_MARKER + """

            # Written by Letterdesk at start-up; the password is in %s in this directory.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """.formatted(PASSWORD_FILE);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);

    private EmbeddedCredentials() {
    }

    /**
     * The directory's password: the one in its password file, or a new one when there is none yet (a new
     * directory, one from an earlier version, or a lost file), which {@link #secure} then writes and sets.
     */
    static String passwordFor(Path dataDir) {
        try {
            return read(dataDir.resolve(PASSWORD_FILE));
        } catch (IOException e) {
            return generate();
        }
    }

    /** Before the postmaster starts on {@code dataDir}: password file, role password and pg_hba.conf in place. */
    static void secure(Path dataDir, String password) {
        try {
            Path passwordFile = dataDir.resolve(PASSWORD_FILE);
            Path hba = dataDir.resolve("pg_hba.conf");
            boolean hbaWritten = Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
            boolean fileWritten = Files.exists(passwordFile) && password.equals(passwordFor(dataDir));
            if (fileWritten && hbaWritten) {
                restrictToOwner(passwordFile);
                return;
            }
            if (!fileWritten) {
                writeOwnerOnly(passwordFile, password + "\n");
                log.info("Generated the embedded PostgreSQL's password, kept in {}", passwordFile);
            }
            if (!hbaWritten) {
                log.info("Converting {} to password authentication over loopback only", dataDir);
            }
            setRolePassword(dataDir, password);
            writeOwnerOnly(hba, HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not secure the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return password;
    }

    /** Sets the role's password in single-user mode: no server listens meanwhile, so nobody else can connect. */
    private static void setRolePassword(Path dataDir, String password) throws IOException {
        String sql;
        try {
            sql = PasswordUtil.genAlterUserPasswordSQL(USER, password.toCharArray(), "scram-sha-256");
        } catch (java.sql.SQLException e) {
            throw new IOException("Could not encode the password", e);
        }
        Process single = new ProcessBuilder(PostgresBinaries.INSTANCE.command("postgres", "--single",
                "-D", dataDir.toString(), "-c", "exit_on_error=on", "postgres"))
                .redirectErrorStream(true).start();
        single.getOutputStream().write((sql + "\n").getBytes(StandardCharsets.UTF_8));
        single.getOutputStream().close();
        String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!single.waitFor(120, TimeUnit.SECONDS) || single.exitValue() != 0 || output.contains("ERROR")) {
                single.destroyForcibly();
                throw new IOException("Setting the password in single-user mode failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting the password", e);
        }
    }

    /** Written beside the target and moved over it, so a crash leaves the old file or the new, never half of one. */
    private static void writeOwnerOnly(Path target, String content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".new");
        Files.deleteIfExists(temp);
        if (posix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; restricted to its owner", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
