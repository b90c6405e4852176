package org.letterdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * N clients, each sending its next operation as soon as the previous one answered, for a warm-up and then a
 * measured window. Operations that end inside the window count; their latencies are recorded.
 */
final class ClosedLoop {

    /** One client's next operation; true when it succeeded. */
    interface Op {
        boolean run() throws Exception;
    }

    /** The measured window, in System.nanoTime() terms. */
    record Window(long start, long end) {
        boolean contains(long t) {
            return t >= start && t <= end;
        }
    }

    record Result(int clients, double seconds, long ops, long errors, Stats latency, CpuProbe.Snapshot cpu) {
        double throughput() {
            return ops / seconds;
        }

        /** Milliseconds of the server process's CPU per successful operation of the window. */
        double serverCpuMillisPerOp() {
            return ops == 0 ? 0 : cpu.serverSeconds() * 1000 / ops;
        }

        /** Milliseconds of the whole machine's busy CPU (server, PostgreSQL, this harness) per operation. */
        double machineCpuMillisPerOp() {
            return ops == 0 ? 0 : cpu.machineBusySeconds() * 1000 / ops;
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    static Result run(int clients, int warmupSeconds, int durationSeconds, IntFunction<Op> clientOps,
                      java.util.function.Consumer<Window> onWindow) throws InterruptedException {
        long start = System.nanoTime();
        Window window = new Window(start + warmupSeconds * 1_000_000_000L,
                start + (warmupSeconds + durationSeconds) * 1_000_000_000L);
        if (onWindow != null) {
            onWindow.accept(window);
        }
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Stats> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Stats stats = new Stats();
            perClient.add(stats);
            Op op = clientOps.apply(i);
            Thread t = new Thread(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 > window.end()) {
                        return;
                    }
                    boolean ok;
                    try {
                        ok = op.run();
                    } catch (Exception e) {
                        ok = false;
                    }
                    long t1 = System.nanoTime();
                    if (window.contains(t1)) {
                        if (ok) {
                            ops.incrementAndGet();
                            stats.add(t1 - t0);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "client-" + i);
            threads.add(t);
            t.start();
        }
        CpuProbe.Snapshot[] cpu = new CpuProbe.Snapshot[2];
        Thread probe = new Thread(() -> {
            try {
                sleepUntil(window.start());
                cpu[0] = CpuProbe.now();
                sleepUntil(window.end());
                cpu[1] = CpuProbe.now();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-probe");
        probe.start();
        for (Thread t : threads) {
            t.join();
        }
        probe.join();
        return new Result(clients, durationSeconds, ops.get(), errors.get(), Stats.merge(perClient),
                cpu[1].minus(cpu[0]));
    }
}
