package org.letterdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time spent during a measured window, read from /proc (Linux): the server process's user + system time and
 * the whole machine's busy time. Divided by the operations of the window it says what one command costs in CPU,
 * which on a machine whose cores are saturated is what bounds its throughput.
 */
final class CpuProbe {

    /** The server process (with its children) to account for; 0 when none runs (its share then reads 0). */
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

    /**
     * The CPU of the process and of all its descendants: a prefork server (RT's Starlet) does its work in child
     * processes. A child's own utime + stime while it lives, its cutime + cstime for the children it has reaped, so
     * that a worker that ends inside a window still counts (through its parent).
     */
    private static double processSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, String[]> stats = new HashMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long id = Long.parseLong(name);
                    stats.put(id, f);
                    children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(id);
                } catch (Exception e) {
                    // the process ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        double seconds = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            long id = todo.pop();
            String[] f = stats.get(id);
            if (f != null) {
                seconds += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                        + Long.parseLong(f[14])) / TICKS;
            }
            todo.addAll(children.getOrDefault(id, List.of()));
        }
        return seconds;
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
