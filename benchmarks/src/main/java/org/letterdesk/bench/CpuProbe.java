package org.letterdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent during a measured window, read from /proc (Linux): the server process's user + system time and
 * the whole machine's busy time. Divided by the operations of the window it says what one command costs in CPU,
 * which on a machine whose cores are saturated is what bounds its throughput.
 */
final class CpuProbe {

    /** The server process to account for; 0 when none runs (its share then reads 0). */
    static volatile long serverPid;

    /** CPU seconds: the server process, its JIT compiler threads (part of the former), the whole machine. */
    record Snapshot(double serverSeconds, double compilerSeconds, double machineBusySeconds) {
        Snapshot minus(Snapshot earlier) {
            return new Snapshot(serverSeconds - earlier.serverSeconds, compilerSeconds - earlier.compilerSeconds,
                    machineBusySeconds - earlier.machineBusySeconds);
        }
    }

    /** Linux reports times in clock ticks; 100 per second on every kernel configuration we run on. */
    private static final double TICKS = 100.0;

    static Snapshot now() {
        return new Snapshot(processSeconds(serverPid), compilerSeconds(serverPid), machineBusySeconds());
    }

    /**
     * The HotSpot C1 and C2 compiler threads' CPU. A freshly started server compiles the hot paths of Spring,
     * Hibernate, Jackson and Axon for minutes; on 2 cores that takes CPU the measured commands then lack.
     */
    static double compilerSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        double seconds = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        seconds += threadSeconds(Files.readString(task.resolve("stat")));
                    }
                } catch (Exception e) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return seconds;
    }

    private static double processSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            return threadSeconds(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (Exception e) {
            return 0;
        }
    }

    /** utime + stime of a /proc stat line; the fields after the command name, which may hold spaces. */
    private static double threadSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS;
        } catch (Exception e) {
            return 0;
        }
    }

    private CpuProbe() {
    }
}
