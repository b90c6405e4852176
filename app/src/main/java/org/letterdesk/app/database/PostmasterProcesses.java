package org.letterdesk.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tells the PostgreSQL processes of a data directory from every other process, from what Linux shows of them in
 * /proc (command line and working directory), before anything is signalled: the PID in a {@code postmaster.pid}
 * left by a crash may belong to an unrelated process by the next start (PIDs wrap in minutes on a busy machine).
 */
final class PostmasterProcesses {

    private static final Logger log = LoggerFactory.getLogger(PostmasterProcesses.class);

    private PostmasterProcesses() {
    }

    /** The PID named by the data directory's {@code postmaster.pid}, if the file is there and names one. */
    static Optional<Long> pidInFile(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return first.matches("\\d{1,10}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code pid} is the postmaster of {@code dataDir}: a running {@code postgres} program started with
     * {@code -D} (only the postmaster keeps its command line; its children show a title such as "postgres:
     * checkpointer") whose data directory or working directory is this one.
     */
    static boolean isPostmasterOf(long pid, Path dataDir) {
        List<String> argv = commandLine(pid);
        if (argv.isEmpty() || !isPostgres(argv)) {
            return false;
        }
        int d = argv.indexOf("-D");
        if (d < 0) {
            return false;
        }
        boolean dataDirArgument = d + 1 < argv.size() && sameFile(argv.get(d + 1), dataDir);
        return dataDirArgument || workingDirectory(pid).filter(cwd -> sameFile(cwd, dataDir)).isPresent();
    }

    /** Every PostgreSQL process (postmaster or child) working in {@code dataDir}. */
    static List<ProcessHandle> serverProcesses(Path dataDir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> isPostgres(commandLine(p.pid())))
                .filter(p -> workingDirectory(p.pid()).filter(cwd -> sameFile(cwd, dataDir)).isPresent())
                .toList();
    }

    /**
     * Makes the data directory ready for a postmaster to start: a postmaster of this directory that a previous run
     * left behind is shut down (fast shutdown: it has no clients worth waiting for); a {@code postmaster.pid} whose
     * PID is dead or belongs to another program is removed — once no PostgreSQL process works in the directory any
     * more, since the file is also what keeps a second postmaster off a directory whose old children still run.
     * Nothing that is not this directory's postmaster is ever signalled.
     */
    static void clearForStart(Path dataDir, Duration wait) {
        Optional<Long> pid = pidInFile(dataDir);
        if (pid.isEmpty() && !Files.exists(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        Optional<ProcessHandle> running = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            // Without /proc nothing can be told apart: signal nothing, remove nothing; PostgreSQL itself refuses to
            // start while the PID in the file is alive, and takes over a file whose PID is dead.
            if (running.isPresent()) {
                throw new IllegalStateException(dataDir.resolve("postmaster.pid") + " names the running pid "
                        + running.get().pid() + ", which cannot be identified here: stop it if it is this "
                        + "directory's PostgreSQL, else remove the file");
            }
            return;
        }
        if (running.isPresent() && isPostmasterOf(running.get().pid(), dataDir)) {
            ProcessHandle orphan = running.get();
            log.warn("Stopping the PostgreSQL (pid {}) a previous run left on {}", orphan.pid(), dataDir);
            signal(orphan.pid(), "INT");
            try {
                orphan.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The PostgreSQL left on " + dataDir + " (pid " + orphan.pid()
                        + ") did not stop within " + wait, e);
            }
            return; // a postmaster that shuts down removes its pid file
        }
        if (running.isPresent()) {
            log.warn("{} names pid {}, which is not a PostgreSQL of this directory ({}): left alone; the file is "
                    + "stale", dataDir.resolve("postmaster.pid"), running.get().pid(),
                    String.join(" ", commandLine(running.get().pid())));
        }
        awaitNoServerProcesses(dataDir, wait);
        try {
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            log.info("Removed the stale postmaster.pid of {}", dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not remove the stale postmaster.pid of " + dataDir, e);
        }
    }

    /** The children of a postmaster that was killed notice it within moments and exit. */
    private static void awaitNoServerProcesses(Path dataDir, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<ProcessHandle> left = serverProcesses(dataDir);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL processes still work in " + dataDir + ": "
                        + left.stream().map(p -> String.valueOf(p.pid())).toList());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL processes to exit", e);
            }
            left = serverProcesses(dataDir);
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Could not signal pid " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling pid " + pid, e);
        }
    }

    private static boolean isPostgres(List<String> argv) {
        if (argv.isEmpty()) {
            return false;
        }
        // "/…/bin/postgres" for a postmaster; "postgres: checkpointer" (one string, its title) for a child.
        String program = argv.get(0).split("[ :]", 2)[0];
        return program.substring(program.lastIndexOf('/') + 1).equals("postgres");
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Arrays.stream(new String(raw, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // gone, or not ours to read
        }
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameFile(String a, Path b) {
        try {
            return sameFile(Path.of(a), b);
        } catch (RuntimeException e) {
            return false; // not a path at all
        }
    }
}
