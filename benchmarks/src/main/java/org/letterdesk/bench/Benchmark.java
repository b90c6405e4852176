package org.letterdesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The whole benchmark: durable commands, projection lag, rebuild and reads at growing store sizes, each figure the
 * median of several runs next to a raw baseline measured in the same run on the same PostgreSQL. Prints the
 * Markdown table and writes it into docs/benchmarks.md between markers.
 */
public final class Benchmark {

    private final Config config;
    private final Workloads work;
    private final Report report = new Report();
    private final List<Long> peakRss = new ArrayList<>();
    private final List<String> rssByServer = new ArrayList<>();
    private int serverCount;

    private Benchmark(Config config) {
        this.config = config;
        this.work = new Workloads(config);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Config config = Config.fromEnvironment(root);
        new Benchmark(config).run();
    }

    private Server startServer() throws Exception {
        serverCount++;
        Server server = Server.start(config, Integer.toString(serverCount));
        CpuProbe.serverPid = server.pid();
        Progress.log("server %d up on port %d (pid %d)", serverCount, server.port, server.pid());
        return server;
    }

    private void stopServer(Server server, String phase) throws Exception {
        if (!server.alive()) {
            throw new IllegalStateException("server died during " + phase + "; see " + server.log);
        }
        long rss = server.stop();
        peakRss.add(rss);
        rssByServer.add(phase + ": " + rss / 1024 + " MiB");
        Progress.log("server stopped after %s; peak RSS %d MiB", phase, rss / 1024);
    }

    private void run() throws Exception {
        long benchStart = System.nanoTime();
        freshDatabase();
        machineFacts();
        int maxClients = config.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
        StoreLoader loader = new StoreLoader(config,
                config.sizes().stream().mapToLong(Long::longValue).max().orElse(1_000_000));
        String payload = loader.serializedLetterReceived();
        int payloadBytes = payload.getBytes(StandardCharsets.UTF_8).length;

        Server server = startServer();
        work.createRawTable();
        try (Http http = new Http(server.port, maxClients * 2 + 8)) {
            report.facts.put("Server warm-up before the first measured run", warmUp(http, maxClients, true));
            commands(http, payload, payloadBytes, maxClients);
            mixed(http);
            work.awaitProjection(http, 600);
            if (config.rt() && !config.commandsOnly()) {
                letterHistories(http);
            }
        }
        stopServer(server, "commands and lag");
        if (config.commandsOnly()) {
            // For profiling the command path: the table then has the command rows only, and is not written into the doc.
            System.out.println(report.markdown());
            Progress.log("commands only (BENCH_COMMANDS_ONLY): results not written into %s", config.doc());
            return;
        }
        if (config.floor()) {
            floor(maxClients);
        }
        if (config.rt()) {
            peer(maxClients);
        }
        if (config.comparisonsOnly()) {
            // The comparisons with the framework floor and with RT only: their table is printed and kept in the
            // output directory; the doc keeps the last full run's.
            comparisonTargets(maxClients);
            report.facts.put("Mode", "comparisons only (BENCH_COMPARISONS_ONLY=1)" + (config.quick() ? ", quick" : ""));
            report.facts.put("Whole benchmark wall time", String.format(Locale.ROOT, "%.1f min",
                    (System.nanoTime() - benchStart) / 60e9));
            String markdown = report.markdown();
            Report.keep(config, "comparisons", markdown);
            Progress.log("comparisons only (BENCH_COMPARISONS_ONLY): results not written into %s", config.doc());
            return;
        }

        // The rebuild replays a store of a known size: the HTTP runs' events plus loaded letters up to it.
        Progress.log("loading to %,d events for the rebuild", config.rebuildEvents());
        StoreLoader.Stage forRebuild = loader.loadTo(config.rebuildEvents(), Instant.now().plus(Duration.ofHours(1)));
        report.facts.put("Store replayed by the rebuild", String.format(Locale.ROOT, "%,d events (%,d of them "
                + "bulk-loaded letters, the rest from the HTTP runs)", forRebuild.eventsInStore(),
                forRebuild.eventsLoaded()));
        server = startServer();
        try (Http http = new Http(server.port, 8)) {
            rebuild(http);
        }
        stopServer(server, "rebuild");

        storeGrowth(loader);

        report.facts.put("Server heap setting", "-Xmx" + config.serverHeap());
        report.facts.put("Server peak RSS (VmHWM), max over its runs",
                peakRss.stream().mapToLong(Long::longValue).max().orElse(0) / 1024 + " MiB ("
                        + String.join("; ", rssByServer) + ")");
        report.facts.put("Server completed every phase with this heap", "yes (no server exited; every request "
                + "counted above answered 2xx, errors are listed per figure)");
        report.facts.put("Load average at end (1/5/15 min)",
                Progress.loadAverage());
        report.facts.put("Whole benchmark wall time", String.format(Locale.ROOT, "%.1f min",
                (System.nanoTime() - benchStart) / 60e9));
        targets(maxClients);
        String markdown = report.markdown();
        Report.keep(config, "results", markdown);
        report.writeInto(config.doc());
        Progress.log("results written into %s", config.root().relativize(config.doc()));
    }

    // ------------------------------------------------------------------ setup and facts

    private void freshDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(config.adminJdbcUrl(), config.pgUser(), "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + config.database() + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + config.database());
        }
        Progress.log("fresh database %s", config.database());
    }

    private void machineFacts() throws Exception {
        report.facts.put("CPU cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
                .orElse("?");
        report.facts.put("Memory", mem);
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), "");
             Statement st = c.createStatement()) {
            report.facts.put("PostgreSQL", one(st, "SELECT version()").replaceAll(" on .*", ""));
            report.facts.put("PostgreSQL settings", "synchronous_commit=" + one(st, "SHOW synchronous_commit")
                    + ", shared_buffers=" + one(st, "SHOW shared_buffers") + ", max_wal_size="
                    + one(st, "SHOW max_wal_size") + ", work_mem=" + one(st, "SHOW work_mem"));
        }
        report.facts.put("JVM (server and harness)", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        report.facts.put("Runs per figure", Integer.toString(config.runs()));
        report.facts.put("Load durations", "server warmed up once (below); then per run " + config.warmupSeconds() + " s warm-up + "
                + config.durationSeconds() + " s measured");
        report.facts.put("Mode", config.quick() ? "quick smoke run (BENCH_QUICK=1)" : "full run");
        report.facts.put("Load average at start (1/5/15 min; other work on the machine shows here)",
                Progress.loadAverage());
    }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Double> map(List<ClosedLoop.Result> results, Function<ClosedLoop.Result, Double> f) {
        return results.stream().map(f).toList();
    }

    private static String errors(List<ClosedLoop.Result> results) {
        long e = results.stream().mapToLong(ClosedLoop.Result::errors).sum();
        return e == 0 ? "" : " (" + e + " errors)";
    }

    // ------------------------------------------------------------------ 1. durable commands, 2. lag

    /**
     * A server in service has compiled its hot paths; a freshly started JVM takes tens of seconds of load to get
     * there, which the first measured runs would otherwise pay. Not measured.
     */
    private String warmUp(Http http, int clients, boolean lagSampler) throws Exception {
        long start = System.nanoTime();
        int half = Math.max(2, config.serverWarmupSeconds() / 2);
        Progress.log("warming the server up: %d s of registrations and %d s of the procedure, %d clients", half, half, clients);
        work.registrations(http, clients, null, half - 1, 1);
        work.procedure(http, clients, half - 1, 1);
        // The JIT compilers stay busy for minutes after a fixed warm-up (measured: ~65 s of compiler CPU before they
        // settle; the first measured run's server CPU per registration was 3-4 times the later runs'), so load goes
        // on in 20 s chunks until the compilers use less than the threshold in one, or the maximum is reached.
        double compilerInLastChunk = Double.NaN;
        int chunks = 0;
        while ((System.nanoTime() - start) / 1e9 < config.serverWarmupMaxSeconds()) {
            double before = CpuProbe.compilerSeconds(CpuProbe.serverPid);
            if (lagSampler) {
                try (Workloads.LagSampler lag = work.new LagSampler(http)) { // its reads are compiled too
                    work.registrations(http, clients, lag, 9, 1);
                }
            } else {
                work.registrations(http, clients, null, 9, 1);
            }
            work.procedure(http, clients, 9, 1);
            compilerInLastChunk = CpuProbe.compilerSeconds(CpuProbe.serverPid) - before;
            chunks++;
            Progress.log("warm-up chunk %d: JIT compilers used %.1f s of CPU in 20 s", chunks, compilerInLastChunk);
            if (compilerInLastChunk < config.jitSettledSeconds()) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT,
                "%.0f s of registrations and procedure at %d clients: %d s, then 20 s chunks until the JIT compilers "
                        + "used < %.1f s of CPU in one (%d chunks; %.1f s in the last; at most %d s in all)", seconds,
                clients, config.serverWarmupSeconds(), config.jitSettledSeconds(), chunks, compilerInLastChunk,
                config.serverWarmupMaxSeconds());
    }

    private void commands(Http http, String payload, int payloadBytes, int maxClients) throws Exception {
        report.facts.put("Raw baseline row", "one jsonb row of " + payloadBytes
                + " bytes (a serialized LetterReceived), INSERT + COMMIT, autocommit off, one connection per client");
        Map<Integer, List<ClosedLoop.Result>> raw = new HashMap<>();
        Map<Integer, List<ClosedLoop.Result>> registrations = new HashMap<>();
        List<Double> lagP50 = new ArrayList<>();
        List<Double> lagP99 = new ArrayList<>();
        List<Double> lagSamples = new ArrayList<>();
        List<Double> sqlLagP50 = new ArrayList<>();
        List<Double> sqlLagP99 = new ArrayList<>();
        long lagTimeouts = 0;
        for (int run = 1; run <= config.runs(); run++) {
            for (int clients : config.clients()) {
                ClosedLoop.Result r = work.rawInserts(clients, payload);
                raw.computeIfAbsent(clients, c -> new ArrayList<>()).add(r);
                Progress.log("run %d raw INSERT+COMMIT, %2d clients: %.0f/s p50 %.2f ms p99 %.2f ms", run, clients,
                        r.throughput(), r.latency().percentileMillis(50), r.latency().percentileMillis(99));
                ClosedLoop.Result h;
                if (clients == maxClients) {
                    try (Workloads.LagSampler lag = work.new LagSampler(http)) {
                        h = work.registrations(http, clients, lag);
                        lag.close();
                        lagP50.add(lag.lags().percentileMillis(50));
                        lagP99.add(lag.lags().percentileMillis(99));
                        lagSamples.add((double) lag.lags().count());
                        sqlLagP50.add(lag.sqlLags().percentileMillis(50));
                        sqlLagP99.add(lag.sqlLags().percentileMillis(99));
                        lagTimeouts += lag.timeouts();
                        Progress.log("run %d projection lag: %d samples; in SQL p50 %.1f ms p99 %.1f ms; through GET p50 %.1f ms "
                                        + "p99 %.1f ms", run, lag.lags().count(), lag.sqlLags().percentileMillis(50),
                                lag.sqlLags().percentileMillis(99), lag.lags().percentileMillis(50),
                                lag.lags().percentileMillis(99));
                    }
                } else {
                    h = work.registrations(http, clients, null);
                }
                registrations.computeIfAbsent(clients, c -> new ArrayList<>()).add(h);
                ClosedLoop.Result plain = h;
                if (clients == maxClients && (config.floor() || config.rt())) {
                    // The comparisons need the registrations alone: the lag sampler's polling adds load the floor
                    // and RT do not have.
                    plain = work.registrations(http, clients, null);
                    Progress.log("run %d POST /api/letters, %2d clients, no lag sampling: %.0f/s p50 %.2f ms p99 %.2f ms, %d "
                                    + "errors; server CPU per registration %.2f ms", run, clients, plain.throughput(),
                            plain.latency().percentileMillis(50), plain.latency().percentileMillis(99), plain.errors(),
                            plain.serverCpuMillisPerOp());
                }
                plainRegistrations.computeIfAbsent(clients, c -> new ArrayList<>()).add(plain);
                Progress.log("run %d POST /api/letters, %2d clients: %.0f/s p50 %.2f ms p99 %.2f ms, %d errors; CPU per "
                                + "registration: server %.2f ms, machine %.2f ms (raw commit: machine %.3f ms); JIT "
                                + "compilers %.1f s", run,
                        clients, h.throughput(), h.latency().percentileMillis(50), h.latency().percentileMillis(99),
                        h.errors(), h.serverCpuMillisPerOp(), h.machineCpuMillisPerOp(), r.machineCpuMillisPerOp(),
                        h.cpu().compilerSeconds());
                compilerByRun.add(String.format(Locale.ROOT, "registrations %d/%d: %.1f s", run, clients,
                        h.cpu().compilerSeconds()));
            }
        }
        for (int clients : config.clients()) {
            List<ClosedLoop.Result> h = registrations.get(clients);
            List<ClosedLoop.Result> b = raw.get(clients);
            String base = "raw INSERT+COMMIT, " + clients + " client" + (clients > 1 ? "s" : "");
            report.add("reg." + clients + ".tput", "POST /api/letters, " + clients + " client(s): throughput"
                    + errors(h), "/s", map(h, ClosedLoop.Result::throughput), base, map(b, ClosedLoop.Result::throughput));
            report.add("reg." + clients + ".cpu.server", "POST /api/letters, " + clients
                    + " client(s): server CPU per registration", "ms", map(h, ClosedLoop.Result::serverCpuMillisPerOp),
                    null, null);
            report.add("reg." + clients + ".cpu.machine", "POST /api/letters, " + clients
                    + " client(s): machine CPU per registration (server, PostgreSQL, harness)", "ms",
                    map(h, ClosedLoop.Result::machineCpuMillisPerOp), base + ": machine CPU per commit",
                    map(b, ClosedLoop.Result::machineCpuMillisPerOp));
            for (int p : new int[]{50, 95, 99}) {
                report.add("reg." + clients + ".p" + p, "POST /api/letters, " + clients + " client(s): p" + p, "ms",
                        map(h, r -> r.latency().percentileMillis(p)), base,
                        map(b, r -> r.latency().percentileMillis(p)));
            }
        }
        report.add("lag.sql.p50", "Projection lag, 201 → row in register_entry (SQL poll), during the " + maxClients
                + "-client run: p50", "ms", sqlLagP50, null, null);
        report.add("lag.sql.p99", "Projection lag, 201 → row in register_entry (SQL poll), during the " + maxClients
                + "-client run: p99", "ms", sqlLagP99, null, null);
        report.add("lag.p50", "Projection lag, 201 → GET /api/letters/{id} answers 200 (includes that GET), "
                + maxClients + " clients: p50", "ms", lagP50, null, null);
        report.add("lag.p99", "Projection lag, 201 → GET /api/letters/{id} answers 200 (includes that GET), "
                + maxClients + " clients: p99", "ms", lagP99, null, null);
        report.facts.put("Projection lag samples per run", lagSamples.stream().map(d -> Long.toString(d.longValue()))
                .reduce((a, b) -> a + " / " + b).orElse("0") + (lagTimeouts > 0 ? " (" + lagTimeouts
                + " not visible within 30 s)" : "") + "; polled every " + config.lagPollMillis() + " ms by "
                + config.lagPollers() + " threads, first in SQL (register_entry), then with GET /api/letters/{id}");
        report.facts.put("Raw baseline at 1 client",
                Report.fmt(Stats.median(map(raw.getOrDefault(1, List.of()), ClosedLoop.Result::throughput))) + "/s");
        this.rawByClients = new HashMap<>();
        raw.forEach((c, list) -> rawByClients.put(c, map(list, ClosedLoop.Result::throughput)));
    }

    private Map<Integer, List<Double>> rawByClients;
    /** The app's registration runs without the lag sampler, per client count: what the comparisons measure against. */
    private final Map<Integer, List<ClosedLoop.Result>> plainRegistrations = new HashMap<>();
    /** The app's procedure runs, per client count. */
    private final Map<Integer, List<ClosedLoop.Result>> procedureRuns = new HashMap<>();
    /** The app's history reads of letters registered in this run, per run. */
    private final List<Stats> letterHistoryRuns = new ArrayList<>();
    /** JIT compiler CPU in each measured command window (run/clients), to show the server ran warmed up. */
    private final List<String> compilerByRun = new ArrayList<>();

    private void mixed(Http http) throws Exception {
        Map<Integer, List<ClosedLoop.Result>> results = new HashMap<>();
        for (int run = 1; run <= config.runs(); run++) {
            for (int clients : config.clients()) {
                ClosedLoop.Result r = work.procedure(http, clients);
                results.computeIfAbsent(clients, c -> new ArrayList<>()).add(r);
                procedureRuns.computeIfAbsent(clients, c -> new ArrayList<>()).add(r);
                Progress.log("run %d mixed procedure, %2d clients: %.0f commands/s p50 %.2f ms p99 %.2f ms, %d errors; CPU per "
                                + "command: server %.2f ms, machine %.2f ms; JIT compilers %.1f s", run, clients,
                        r.throughput(), r.latency().percentileMillis(50), r.latency().percentileMillis(99), r.errors(),
                        r.serverCpuMillisPerOp(), r.machineCpuMillisPerOp(), r.cpu().compilerSeconds());
                compilerByRun.add(String.format(Locale.ROOT, "mixed %d/%d: %.1f s", run, clients,
                        r.cpu().compilerSeconds()));
            }
        }
        report.facts.put("JIT compiler CPU in each measured command window (run/clients; of " + config.durationSeconds()
                + " s × " + Runtime.getRuntime().availableProcessors() + " cores)", String.join(", ", compilerByRun));
        for (int clients : config.clients()) {
            List<ClosedLoop.Result> h = results.get(clients);
            String base = "raw INSERT+COMMIT, " + clients + " client" + (clients > 1 ? "s" : "");
            report.add("mixed." + clients + ".tput", "Mixed procedure (12 commands/letter), " + clients
                    + " client(s): commands/s" + errors(h), "/s", map(h, ClosedLoop.Result::throughput), base,
                    rawByClients.get(clients));
            report.add("mixed." + clients + ".cpu.server", "Mixed procedure, " + clients
                    + " client(s): server CPU per command", "ms", map(h, ClosedLoop.Result::serverCpuMillisPerOp),
                    null, null);
            report.add("mixed." + clients + ".cpu.machine", "Mixed procedure, " + clients
                    + " client(s): machine CPU per command (server, PostgreSQL, harness)", "ms",
                    map(h, ClosedLoop.Result::machineCpuMillisPerOp), null, null);
            for (int p : new int[]{50, 95, 99}) {
                report.add("mixed." + clients + ".p" + p, "Mixed procedure, " + clients + " client(s): p" + p
                        + " per command", "ms", map(h, r -> r.latency().percentileMillis(p)), null, null);
            }
        }
    }

    // ------------------------------------------------------------------ 3. rebuild

    private void rebuild(Http http) throws Exception {
        List<Double> rebuild = new ArrayList<>();
        List<Double> scan = new ArrayList<>();
        long head = 0;
        for (int run = 1; run <= config.runs(); run++) {
            Workloads.Rebuild s = work.rawScan();
            scan.add(s.eventsPerSecond());
            Progress.log("run %d raw scan: %d events in %.1f s = %.0f events/s", run, s.head(), s.seconds(), s.eventsPerSecond());
            Workloads.Rebuild r = work.rebuild(http);
            rebuild.add(r.eventsPerSecond());
            head = r.head();
            Progress.log("run %d rebuild: %d events in %.1f s = %.0f events/s", run, r.head(), r.seconds(), r.eventsPerSecond());
        }
        report.add("rebuild", "Rebuild of every read model (" + String.format(Locale.ROOT, "%,d", head)
                + " events)", "events/s", rebuild, "raw sequential JDBC scan of domain_event_entry", scan);
    }

    // ------------------------------------------------------------------ 4. store growth

    private void storeGrowth(StoreLoader loader) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(config.loadMinutes()));
        List<String> sizes = new ArrayList<>();
        List<String> compactions = new ArrayList<>();
        String firstLabel = null;
        String lastLabel = null;
        Random r = new Random(config.seed());
        for (long target : config.sizes()) {
            Progress.log("loading to %,d events (budget until %s)", target, deadline);
            StoreLoader.Stage stage = loader.loadTo(target, deadline);
            Progress.log("store at %,d events: loaded %,d events of %,d letters in %.0f s (%s), database %d MiB",
                    stage.eventsInStore(), stage.eventsLoaded(), stage.lettersLoaded(), stage.seconds(),
                    stage.stoppedBecause(), stage.databaseBytes() >> 20);
            // The raw read of one letter before its month is rewritten in letter order, for the comparison below.
            List<Double> beforeP50 = new ArrayList<>(), beforeP99 = new ArrayList<>();
            for (int run = 1; run <= config.runs(); run++) {
                Stats before = work.rawAggregateReads(loader.sample(config.sampleLetters(), r).stream()
                        .map(StoreLoader.SampledLetter::letterId).toList());
                beforeP50.add(before.percentileMillis(50));
                beforeP99.add(before.percentileMillis(99));
                Progress.log("run %d before the rewrite: raw p50 %.2f p99 %.2f ms", run, before.percentileMillis(50),
                        before.percentileMillis(99));
            }
            StoreLoader.Compaction compaction = loader.compactClosedMonths();
            Progress.log("closed months rewritten in letter order: %d months, %,d events in %.0f s", compaction.months(),
                    compaction.events(), compaction.seconds());
            String label = millions(stage.eventsInStore());
            compactions.add(String.format(Locale.ROOT, "before the reads at %s: %d months, %,d events in %.0f s "
                            + "(%,.0f events/s)", label, compaction.months(), compaction.events(), compaction.seconds(),
                    compaction.events() / Math.max(0.001, compaction.seconds())));
            sizes.add(String.format(Locale.ROOT, "%s (target %s; %,d events, %,d letters loaded in %.0f s = %.0f "
                            + "events/s; %s; database %.1f GiB)", label, millions(target), stage.eventsLoaded(),
                    stage.lettersLoaded(), stage.seconds(), stage.eventsLoaded() / Math.max(1, stage.seconds()),
                    stage.stoppedBecause(), stage.databaseBytes() / (double) (1L << 30)));
            Server server = startServer();
            try (Http http = new Http(server.port, 4)) {
                readsAt(http, loader, label, r, beforeP50, beforeP99);
            }
            stopServer(server, "reads at " + label);
            if (firstLabel == null) {
                firstLabel = label;
            }
            lastLabel = label;
            if (!stage.stoppedBecause().equals("reached the target")
                    && !stage.stoppedBecause().equals("already at size")) {
                report.notes.add("Loading stopped at " + label + " events because " + stage.stoppedBecause()
                        + "; larger sizes were not measured.");
                break;
            }
        }
        report.facts.put("Store sizes measured", String.join("; ", sizes));
        report.facts.put("Closed months rewritten in letter order before the reads (the server's compaction, "
                + "letterdesk_compact_event_partition, of the months ended 90 days or more before now and before the loader's position in its timeline)",
                String.join("; ", compactions));
        report.facts.put("Read models written for loaded letters", "letter_view, register_entry"
                + (loader.derivedTables.isEmpty() ? "" : ", " + String.join(", ", loader.derivedTables))
                + "; the letters processor's tokens set to the head");
        report.facts.put("Loaded letters' timeline", String.format(Locale.ROOT, "from three years ago onwards at "
                + "%,.0f letters a year", loader.lettersPerYear()));
        this.firstSize = firstLabel;
        this.lastSize = lastLabel;
    }

    private String firstSize;
    private String lastSize;

    private static String millions(long events) {
        return events >= 1_000_000 ? String.format(Locale.ROOT, "%.1f M", events / 1e6)
                : String.format(Locale.ROOT, "%,d k", events / 1000);
    }

    private void readsAt(Http http, StoreLoader loader, String label, Random r, List<Double> beforeP50,
                         List<Double> beforeP99) throws Exception {
        int n = config.sampleLetters();
        // Warm the freshly started server's code paths up on letters not measured afterwards: with a few dozen
        // requests the JIT was still compiling during the first measured run, whose p99 then measured that.
        List<StoreLoader.SampledLetter> warm = loader.sample(config.readWarmupLetters(), r);
        work.reads(http, "auditor", warm.stream().map(l -> "/api/letters/" + l.letterId() + "/history").toList());
        work.reads(http, "auditor", warm.stream().map(l -> "/api/letters/" + l.letterId() + "/state?asOf="
                + l.asOf()).toList());
        work.reads(http, "supervisor", work.registerPaths(config.registerRequests()));
        List<Double> historyP50 = new ArrayList<>(), historyP99 = new ArrayList<>();
        List<Double> stateP50 = new ArrayList<>(), stateP99 = new ArrayList<>();
        List<Double> rawP50 = new ArrayList<>(), rawP99 = new ArrayList<>();
        List<Double> registerP95 = new ArrayList<>(), rawRegisterP95 = new ArrayList<>();
        for (int run = 1; run <= config.runs(); run++) {
            // Fresh random letters for each measurement, so none is read from a cache the previous one warmed.
            List<StoreLoader.SampledLetter> a = loader.sample(n, r);
            List<StoreLoader.SampledLetter> b = loader.sample(n, r);
            List<StoreLoader.SampledLetter> c = loader.sample(n, r);
            Stats history = work.reads(http, "auditor",
                    a.stream().map(l -> "/api/letters/" + l.letterId() + "/history").toList());
            Stats state = work.reads(http, "auditor", b.stream().map(l -> "/api/letters/" + l.letterId()
                    + "/state?asOf=" + l.asOf()).toList());
            Stats raw = work.rawAggregateReads(c.stream().map(StoreLoader.SampledLetter::letterId).toList());
            Stats register = work.reads(http, "supervisor", work.registerPaths(config.registerRequests()));
            Stats rawRegister = work.rawRegisterPages(config.registerRequests());
            historyP50.add(history.percentileMillis(50));
            historyP99.add(history.percentileMillis(99));
            stateP50.add(state.percentileMillis(50));
            stateP99.add(state.percentileMillis(99));
            rawP50.add(raw.percentileMillis(50));
            rawP99.add(raw.percentileMillis(99));
            registerP95.add(register.percentileMillis(95));
            rawRegisterP95.add(rawRegister.percentileMillis(95));
            Progress.log("run %d at %s: history p50 %.1f p99 %.1f ms; state p50 %.1f p99 %.1f ms; raw p50 %.2f p99 %.2f ms; "
                            + "register p95 %.1f ms (raw SQL %.1f ms)", run, label, history.percentileMillis(50),
                    history.percentileMillis(99), state.percentileMillis(50), state.percentileMillis(99),
                    raw.percentileMillis(50), raw.percentileMillis(99), register.percentileMillis(95),
                    rawRegister.percentileMillis(95));
        }
        String base = "raw indexed SELECT of one aggregate's rows";
        report.add("history.p50." + label, "At " + label + " events: GET …/history p50 (" + n + " letters/run)", "ms",
                historyP50, base + " p50", rawP50);
        report.add("history.p99." + label, "At " + label + " events: GET …/history p99", "ms", historyP99,
                base + " p99", rawP99);
        report.add("state.p50." + label, "At " + label + " events: GET …/state?asOf= p50", "ms", stateP50,
                base + " p50", rawP50);
        report.add("state.p99." + label, "At " + label + " events: GET …/state?asOf= p99", "ms", stateP99,
                base + " p99", rawP99);
        String before = "the same SELECT before the closed months were rewritten in letter order";
        report.add("raw.p50." + label, "At " + label + " events: raw indexed SELECT of one aggregate's rows, closed "
                + "months rewritten in letter order, p50", "ms", rawP50, before + " p50", beforeP50);
        report.add("raw.p99." + label, "At " + label + " events: raw indexed SELECT of one aggregate's rows, closed "
                + "months rewritten in letter order, p99", "ms", rawP99, before + " p99", beforeP99);
        report.add("register.p95." + label, "At " + label + " events: GET /api/register?department&status&page=3 p95 ("
                        + config.registerRequests() + " requests/run)", "ms", registerP95,
                "raw SQL of the same page + total from the counter table p95", rawRegisterP95);
    }

    // ------------------------------------------------------------------ the framework floor and the peer

    /**
     * Letterdesk's side of the history comparison with RT: GET …/history of letters registered in this run (status
     * RECEIVED: a registration's events), one after the other, fresh random letters per run.
     */
    private void letterHistories(Http http) throws Exception {
        int n = config.sampleLetters();
        for (int run = 0; run <= config.runs(); run++) {
            List<String> ids = new ArrayList<>();
            try (Connection c = work.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT letter_id FROM register_entry WHERE status = 'RECEIVED' "
                         + "ORDER BY random() LIMIT " + n)) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            Stats history = work.reads(http, "auditor", ids.stream().map(id -> "/api/letters/" + id + "/history")
                    .toList());
            if (run == 0) {
                continue; // warms the history path up; not measured
            }
            letterHistoryRuns.add(history);
            Progress.log("run %d GET /api/letters/{id}/history of %d registered letters: p50 %.2f ms p99 %.2f ms", run,
                    history.count(), history.percentileMillis(50), history.percentileMillis(99));
        }
    }

    /**
     * The framework floor (org.letterdesk.bench.floor) as its own process on its own database, warmed up like the
     * app, then the same registration and procedure runs.
     */
    private void floor(int maxClients) throws Exception {
        List<String> migrations = FloorDatabase.create(config);
        Progress.log("floor database %s made by %d migrations of the app", config.floorDatabase(), migrations.size());
        Server floor = Server.startFloor(config, "1");
        CpuProbe.serverPid = floor.pid();
        Progress.log("framework floor up on port %d (pid %d)", floor.port, floor.pid());
        Map<Integer, List<ClosedLoop.Result>> registrations = new HashMap<>();
        Map<Integer, List<ClosedLoop.Result>> procedure = new HashMap<>();
        String warm;
        try (Http http = new Http(floor.port, maxClients * 2 + 8)) {
            warm = warmUp(http, maxClients, false);
            for (int run = 1; run <= config.runs(); run++) {
                for (int clients : config.clients()) {
                    ClosedLoop.Result r = work.registrations(http, clients, null);
                    registrations.computeIfAbsent(clients, c -> new ArrayList<>()).add(r);
                    Progress.log("run %d floor POST /api/letters, %2d clients: %.0f/s p50 %.2f ms p99 %.2f ms, %d errors; "
                                    + "server CPU per registration %.2f ms", run, clients, r.throughput(),
                            r.latency().percentileMillis(50), r.latency().percentileMillis(99), r.errors(),
                            r.serverCpuMillisPerOp());
                    ClosedLoop.Result m = work.procedure(http, clients);
                    procedure.computeIfAbsent(clients, c -> new ArrayList<>()).add(m);
                    Progress.log("run %d floor procedure, %2d clients: %.0f commands/s p50 %.2f ms p99 %.2f ms, %d errors; "
                                    + "server CPU per command %.2f ms", run, clients, m.throughput(),
                            m.latency().percentileMillis(50), m.latency().percentileMillis(99), m.errors(),
                            m.serverCpuMillisPerOp());
                }
            }
        }
        if (!floor.alive()) {
            throw new IllegalStateException("the framework floor died; see " + floor.log);
        }
        long rss = floor.stop();
        CpuProbe.serverPid = 0;
        report.facts.put("Framework floor", "org.letterdesk.bench.floor: one Axon aggregate (one event per command, "
                + "no other rule than \"archived is closed\") behind Spring MVC endpoints on the app's paths; Axon's JDBC "
                + "event store with jsonb payloads on the database " + config.floorDatabase() + " made by the app's "
                + "own migrations (" + migrations.get(0) + " … " + migrations.get(migrations.size() - 1) + ") with "
                + "the month partitions the app creates at start-up; Jackson 3 serializer, Axon's handler time limits "
                + "off, Hikari pool 20, Tomcat's defaults, -Xmx" + config.serverHeap() + ", "
                + (config.floorCachedLetters() > 0 ? "the last " + config.floorCachedLetters() + " letters cached "
                + "(as the app's letter cache)" : "no aggregate cache") + "; no security, validation, deadlines, "
                + "register number, idempotency or projection; peak RSS " + rss / 1024 + " MiB");
        report.facts.put("Framework floor warm-up", warm);
        for (int clients : config.clients()) {
            String c = clients + " client" + (clients > 1 ? "s" : "");
            List<ClosedLoop.Result> app = plainRegistrations.get(clients);
            List<ClosedLoop.Result> reg = registrations.get(clients);
            List<ClosedLoop.Result> appMixed = procedureRuns.get(clients);
            List<ClosedLoop.Result> mixed = procedure.get(clients);
            report.add("floor.reg." + clients + ".tput", "POST /api/letters, " + c + (clients > 1
                            ? " (no lag sampling)" : "") + ", share of the framework floor: throughput" + errors(app),
                    "/s", map(app, ClosedLoop.Result::throughput), "framework floor, POST /api/letters, " + c
                            + errors(reg), map(reg, ClosedLoop.Result::throughput));
            report.add("floor.reg." + clients + ".p99", "POST /api/letters, " + c + ": p99 against the framework "
                    + "floor", "ms", map(app, r -> r.latency().percentileMillis(99)), "framework floor p99",
                    map(reg, r -> r.latency().percentileMillis(99)));
            report.add("floor.reg." + clients + ".cpu", "POST /api/letters, " + c + ": server CPU per registration "
                    + "against the framework floor", "ms", map(app, ClosedLoop.Result::serverCpuMillisPerOp),
                    "framework floor, server CPU per registration", map(reg, ClosedLoop.Result::serverCpuMillisPerOp));
            report.add("floor.mixed." + clients + ".tput", "Mixed procedure (12 commands/letter), " + c + ", share "
                            + "of the framework floor: commands/s" + errors(appMixed), "/s",
                    map(appMixed, ClosedLoop.Result::throughput), "framework floor, the same 12 requests per letter, "
                            + c + errors(mixed), map(mixed, ClosedLoop.Result::throughput));
            report.add("floor.mixed." + clients + ".p99", "Mixed procedure, " + c + ": p99 per command against the "
                    + "framework floor", "ms", map(appMixed, r -> r.latency().percentileMillis(99)),
                    "framework floor p99 per command", map(mixed, r -> r.latency().percentileMillis(99)));
            report.add("floor.mixed." + clients + ".cpu", "Mixed procedure, " + c + ": server CPU per command "
                    + "against the framework floor", "ms", map(appMixed, ClosedLoop.Result::serverCpuMillisPerOp),
                    "framework floor, server CPU per command", map(mixed, ClosedLoop.Result::serverCpuMillisPerOp));
        }
    }

    /**
     * Request Tracker 5 (scripts/benchmark-rt.sh): ticket creation through REST2 with a body of the registration's
     * size at each client count, and one ticket's history, next to Letterdesk's registration and history of this run.
     */
    private void peer(int maxClients) throws Exception {
        Map<Integer, List<ClosedLoop.Result>> creations = new HashMap<>();
        List<Stats> history = new ArrayList<>();
        List<Stats> historyWithContent = new ArrayList<>();
        Queue<String> created = new ConcurrentLinkedQueue<>();
        Random random = new Random(config.seed());
        int n = config.sampleLetters();
        try (RtPeer rt = RtPeer.start(config, maxClients * 2 + 8)) {
            CpuProbe.serverPid = rt.pid();
            Progress.log("RT %s up at %s with %s Starlet workers (pid %d)", rt.settings.get("BENCH_RT_VERSION"),
                    rt.settings.get("BENCH_RT_URL"), rt.settings.get("BENCH_RT_WORKERS"), rt.pid());
            // Each worker loads and compiles what a request needs on its first requests: not measured.
            ClosedLoop.Result warm = rt.creations(maxClients, 0, config.rtWarmupSeconds(), created);
            rt.history(sample(created, 50, random), true);
            Progress.log("RT warm-up: %d tickets in %d s, %d errors", warm.ops(), config.rtWarmupSeconds(), warm.errors());
            for (int run = 1; run <= config.runs(); run++) {
                for (int clients : config.clients()) {
                    ClosedLoop.Result r = rt.creations(clients, config.warmupSeconds(), config.durationSeconds(),
                            created);
                    creations.computeIfAbsent(clients, c -> new ArrayList<>()).add(r);
                    Progress.log("run %d RT POST /REST/2.0/ticket, %2d clients: %.1f/s p50 %.1f ms p99 %.1f ms, %d errors; "
                                    + "CPU per ticket: RT %.1f ms, machine %.1f ms", run, clients, r.throughput(),
                            r.latency().percentileMillis(50), r.latency().percentileMillis(99), r.errors(),
                            r.serverCpuMillisPerOp(), r.machineCpuMillisPerOp());
                }
                Stats h = rt.history(sample(created, n, random), false);
                Stats hc = rt.history(sample(created, n, random), true);
                history.add(h);
                historyWithContent.add(hc);
                Progress.log("run %d RT ticket history: p50 %.1f ms p99 %.1f ms; with the transactions' content p50 %.1f ms "
                                + "p99 %.1f ms", run, h.percentileMillis(50), h.percentileMillis(99),
                        hc.percentileMillis(50), hc.percentileMillis(99));
            }
            report.facts.put("RT 5 (the peer)", "request-tracker5 " + rt.settings.get("BENCH_RT_VERSION")
                    + " from Debian's packages, standalone server rt-server with Starlet (prefork), "
                    + rt.settings.get("BENCH_RT_WORKERS") + " workers, no keep-alive, on 127.0.0.1; its database "
                    + "on this PostgreSQL (same settings as above), made fresh by rt-setup-database; notification "
                    + "scrips off; REST2 with a session cookie per client (one login each); "
                    + String.format(Locale.ROOT, "%,d tickets at the end; resident memory of its processes %d MiB",
                    created.size(), rt.residentKb() / 1024));
            Random one = new Random(config.seed());
            report.facts.put("Request bodies of the RT comparison", String.format(Locale.ROOT, "each ticket's JSON "
                            + "body has the UTF-8 size of a registration body drawn from the same generator (the "
                            + "ticket's text is the registration's fields, padded or cut to that size); e.g. %d and "
                            + "%d bytes", Workloads.registration(new Random(config.seed()), "BT0").getBytes(
                            StandardCharsets.UTF_8).length,
                    RtPeer.ticketBody(one, "BT0", rt.settings.get("BENCH_RT_QUEUE")).getBytes(
                            StandardCharsets.UTF_8).length));
        } finally {
            CpuProbe.serverPid = 0;
        }
        for (int clients : config.clients()) {
            String c = clients + " client" + (clients > 1 ? "s" : "");
            List<ClosedLoop.Result> app = plainRegistrations.get(clients);
            List<ClosedLoop.Result> rt = creations.get(clients);
            String base = "RT 5 POST /REST/2.0/ticket, " + c + errors(rt);
            report.add("rt.create." + clients + ".tput", "POST /api/letters, " + c + (clients > 1
                            ? " (no lag sampling)" : "") + ", against RT 5's ticket creation: throughput" + errors(app),
                    "/s", map(app, ClosedLoop.Result::throughput), base, map(rt, ClosedLoop.Result::throughput));
            for (int p : new int[]{50, 95, 99}) {
                report.add("rt.create." + clients + ".p" + p, "POST /api/letters, " + c + ": p" + p
                                + " against RT 5's ticket creation", "ms", map(app, x -> x.latency().percentileMillis(p)),
                        base + " p" + p, map(rt, x -> x.latency().percentileMillis(p)));
            }
            report.add("rt.create." + clients + ".cpu", "POST /api/letters, " + c + ": server CPU per registration "
                    + "against RT 5's per ticket (Starlet parent and workers)", "ms",
                    map(app, ClosedLoop.Result::serverCpuMillisPerOp), "RT 5 server CPU per ticket",
                    map(rt, ClosedLoop.Result::serverCpuMillisPerOp));
            report.add("rt.create." + clients + ".machine", "POST /api/letters, " + c + ": machine CPU per "
                    + "registration against RT 5's per ticket", "ms", map(app, ClosedLoop.Result::machineCpuMillisPerOp),
                    "RT 5 machine CPU per ticket", map(rt, ClosedLoop.Result::machineCpuMillisPerOp));
        }
        String letters = "GET /api/letters/{id}/history of a letter registered in this run (" + n + " letters/run)";
        String tickets = "RT 5 GET /REST/2.0/ticket/{id}/history?fields=… of a ticket created in this run";
        String withContent = tickets + ", and GET …/transaction/{id}/attachments for each transaction";
        for (int p : new int[]{50, 99}) {
            report.add("rt.history.p" + p, letters + " p" + p, "ms",
                    letterHistoryRuns.stream().map(s -> s.percentileMillis(p)).toList(), tickets + " p" + p,
                    history.stream().map(s -> s.percentileMillis(p)).toList());
            report.add("rt.history.content.p" + p, letters + " p" + p + ", against RT with content", "ms",
                    letterHistoryRuns.stream().map(s -> s.percentileMillis(p)).toList(), withContent + " p" + p,
                    historyWithContent.stream().map(s -> s.percentileMillis(p)).toList());
        }
    }

    private static List<String> sample(Queue<String> ids, int n, Random random) {
        List<String> all = new ArrayList<>(ids);
        Collections.shuffle(all, random);
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The targets of issue 20's comparisons, where they were measured. */
    private void comparisonTargets(int maxClients) {
        for (int clients : config.clients()) {
            String c = clients + " client" + (clients > 1 ? "s" : "");
            if (report.figures.containsKey("floor.reg." + clients + ".tput")) {
                percent("Registration at " + c + " ≥ 75 % of the framework floor",
                        report.median("floor.reg." + clients + ".tput"),
                        report.baselineMedian("floor.reg." + clients + ".tput"), 75);
                percent("Procedure commands (mixed run) at " + c + " ≥ 75 % of the framework floor",
                        report.median("floor.mixed." + clients + ".tput"),
                        report.baselineMedian("floor.mixed." + clients + ".tput"), 75);
            }
        }
        for (int clients : config.clients()) {
            String c = clients + " client" + (clients > 1 ? "s" : "");
            if (report.figures.containsKey("rt.create." + clients + ".tput")) {
                double reg = report.median("rt.create." + clients + ".tput");
                double rt = report.baselineMedian("rt.create." + clients + ".tput");
                report.target("Registration at " + c + " ≥ 5× RT 5's ticket creation rate", Report.fmt(reg)
                        + "/s vs " + Report.fmt(rt) + "/s = " + Report.fmt(reg / rt) + "×", reg >= 5 * rt);
                double p99 = report.median("rt.create." + clients + ".p99");
                double rtP99 = report.baselineMedian("rt.create." + clients + ".p99");
                report.target("Registration p99 at " + c + " ≤ 1/5 of RT 5's ticket creation p99", Report.fmt(p99)
                        + " ms vs " + Report.fmt(rtP99) + " ms = " + Report.fmt(p99 / rtP99) + "×", p99 <= rtP99 / 5);
            }
        }
    }

    // ------------------------------------------------------------------ targets

    private void targets(int maxClients) {
        // Issue 5's four command targets (rates as fractions of a raw INSERT + COMMIT, and the mixed run's scaling)
        // were replaced by the comparisons with the framework floor and with RT (issue 20); the raw baselines stay
        // in the table as figures.
        comparisonTargets(maxClients);
        double sqlLag = report.median("lag.sql.p99");
        double lag = report.median("lag.p99");
        report.target("Projection lag p99 < 500 ms during the " + maxClients + "-client run (row in the register)",
                Report.fmt(sqlLag) + " ms", sqlLag < 500);
        report.target("Projection lag p99 < 500 ms during the " + maxClients + "-client run, as a client sees it "
                + "(GET answers 200)", Report.fmt(lag) + " ms", lag < 500);
        percent("Rebuild ≥ 10 % of the raw scan rate", report.median("rebuild"), report.baselineMedian("rebuild"), 10);
        if (firstSize != null && lastSize != null) {
            for (String kind : new String[]{"history", "state"}) {
                double first = report.median(kind + ".p99." + firstSize);
                double last = report.median(kind + ".p99." + lastSize);
                report.target((kind.equals("history") ? "History" : "State-as-of") + " p99 at the largest size ("
                                + lastSize + ") ≤ 1.2× its p99 at " + firstSize,
                        Report.fmt(last) + " ms vs " + Report.fmt(first) + " ms = " + Report.fmt(last / first) + "×"
                                + (firstSize.equals(lastSize) ? " (only one size measured)" : ""),
                        firstSize.equals(lastSize) ? null : last <= 1.2 * first);
            }
            double history = report.median("history.p99." + lastSize);
            report.target("History p99 < 50 ms at the largest size (" + lastSize + ")", Report.fmt(history) + " ms",
                    history < 50);
            double register = report.median("register.p95." + lastSize);
            report.target("Register p95 < 50 ms at the largest size (" + lastSize + ")", Report.fmt(register) + " ms",
                    register < 50);
        }
        report.target("The server runs the whole benchmark with -Xmx" + config.serverHeap(),
                "peak RSS " + peakRss.stream().mapToLong(Long::longValue).max().orElse(0) / 1024 + " MiB",
                config.serverHeap().equals("512m"));
    }

    private void percent(String text, double value, double baseline, double percent) {
        double p = 100 * value / baseline;
        report.target(text, Report.fmt(value) + " vs " + Report.fmt(baseline) + " = " + Report.fmt(p) + " %",
                Double.isNaN(p) ? null : p >= percent);
    }
}
