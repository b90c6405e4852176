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
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] " + format + "%n",
                prepend(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private Server startServer() throws Exception {
        serverCount++;
        Server server = Server.start(config, Integer.toString(serverCount));
        CpuProbe.serverPid = server.pid();
        log("server %d up on port %d (pid %d)", serverCount, server.port, server.pid());
        return server;
    }

    private void stopServer(Server server, String phase) throws Exception {
        if (!server.alive()) {
            throw new IllegalStateException("server died during " + phase + "; see " + server.log);
        }
        long rss = server.stop();
        peakRss.add(rss);
        rssByServer.add(phase + ": " + rss / 1024 + " MiB");
        log("server stopped after %s; peak RSS %d MiB", phase, rss / 1024);
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
            warmUp(http, maxClients);
            commands(http, payload, payloadBytes, maxClients);
            mixed(http);
            work.awaitProjection(http, 600);
        }
        stopServer(server, "commands and lag");
        if (config.commandsOnly()) {
            // For profiling the command path: the table then has the command rows only, and is not written into the doc.
            System.out.println(report.markdown());
            log("commands only (BENCH_COMMANDS_ONLY): results not written into %s", config.doc());
            return;
        }

        // The rebuild replays a store of a known size: the HTTP runs' events plus loaded letters up to it.
        log("loading to %,d events for the rebuild", config.rebuildEvents());
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
                Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1"));
        report.facts.put("Whole benchmark wall time", String.format(Locale.ROOT, "%.1f min",
                (System.nanoTime() - benchStart) / 60e9));
        targets(maxClients);
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(config.outDir());
        Files.writeString(config.outDir().resolve("results-" + Instant.now().toString().replace(':', '-') + ".md"),
                markdown, StandardCharsets.UTF_8);
        report.writeInto(config.doc());
        log("results written into %s", config.root().relativize(config.doc()));
    }

    // ------------------------------------------------------------------ setup and facts

    private void freshDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(config.adminJdbcUrl(), config.pgUser(), "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + config.database() + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + config.database());
        }
        log("fresh database %s", config.database());
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
                Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1"));
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
    private void warmUp(Http http, int clients) throws Exception {
        long start = System.nanoTime();
        int half = Math.max(2, config.serverWarmupSeconds() / 2);
        log("warming the server up: %d s of registrations and %d s of the procedure, %d clients", half, half, clients);
        work.registrations(http, clients, null, half - 1, 1);
        work.procedure(http, clients, half - 1, 1);
        // The JIT compilers stay busy for minutes after a fixed warm-up (measured: ~65 s of compiler CPU before they
        // settle; the first measured run's server CPU per registration was 3-4 times the later runs'), so load goes
        // on in 20 s chunks until the compilers use less than the threshold in one, or the maximum is reached.
        double compilerInLastChunk = Double.NaN;
        int chunks = 0;
        while ((System.nanoTime() - start) / 1e9 < config.serverWarmupMaxSeconds()) {
            double before = CpuProbe.compilerSeconds(CpuProbe.serverPid);
            try (Workloads.LagSampler lag = work.new LagSampler(http)) { // its reads are compiled too
                work.registrations(http, clients, lag, 9, 1);
            }
            work.procedure(http, clients, 9, 1);
            compilerInLastChunk = CpuProbe.compilerSeconds(CpuProbe.serverPid) - before;
            chunks++;
            log("warm-up chunk %d: JIT compilers used %.1f s of CPU in 20 s", chunks, compilerInLastChunk);
            if (compilerInLastChunk < config.jitSettledSeconds()) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.facts.put("Server warm-up before the first measured run", String.format(Locale.ROOT,
                "%.0f s of registrations and procedure at %d clients: %d s, then 20 s chunks until the JIT compilers "
                        + "used < %.1f s of CPU in one (%d chunks; %.1f s in the last; at most %d s in all)", seconds,
                clients, config.serverWarmupSeconds(), config.jitSettledSeconds(), chunks, compilerInLastChunk,
                config.serverWarmupMaxSeconds()));
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
                log("run %d raw INSERT+COMMIT, %2d clients: %.0f/s p50 %.2f ms p99 %.2f ms", run, clients,
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
                        log("run %d projection lag: %d samples; in SQL p50 %.1f ms p99 %.1f ms; through GET p50 %.1f ms "
                                        + "p99 %.1f ms", run, lag.lags().count(), lag.sqlLags().percentileMillis(50),
                                lag.sqlLags().percentileMillis(99), lag.lags().percentileMillis(50),
                                lag.lags().percentileMillis(99));
                    }
                } else {
                    h = work.registrations(http, clients, null);
                }
                registrations.computeIfAbsent(clients, c -> new ArrayList<>()).add(h);
                log("run %d POST /api/letters, %2d clients: %.0f/s p50 %.2f ms p99 %.2f ms, %d errors; CPU per "
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
        report.facts.put("Raw baseline at 1 client, for the 16-client registration target",
                Report.fmt(Stats.median(map(raw.getOrDefault(1, List.of()), ClosedLoop.Result::throughput))) + "/s");
        this.rawByClients = new HashMap<>();
        raw.forEach((c, list) -> rawByClients.put(c, map(list, ClosedLoop.Result::throughput)));
    }

    private Map<Integer, List<Double>> rawByClients;
    /** JIT compiler CPU in each measured command window (run/clients), to show the server ran warmed up. */
    private final List<String> compilerByRun = new ArrayList<>();

    private void mixed(Http http) throws Exception {
        Map<Integer, List<ClosedLoop.Result>> results = new HashMap<>();
        for (int run = 1; run <= config.runs(); run++) {
            for (int clients : config.clients()) {
                ClosedLoop.Result r = work.procedure(http, clients);
                results.computeIfAbsent(clients, c -> new ArrayList<>()).add(r);
                log("run %d mixed procedure, %2d clients: %.0f commands/s p50 %.2f ms p99 %.2f ms, %d errors; CPU per "
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
            log("run %d raw scan: %d events in %.1f s = %.0f events/s", run, s.head(), s.seconds(), s.eventsPerSecond());
            Workloads.Rebuild r = work.rebuild(http);
            rebuild.add(r.eventsPerSecond());
            head = r.head();
            log("run %d rebuild: %d events in %.1f s = %.0f events/s", run, r.head(), r.seconds(), r.eventsPerSecond());
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
            log("loading to %,d events (budget until %s)", target, deadline);
            StoreLoader.Stage stage = loader.loadTo(target, deadline);
            log("store at %,d events: loaded %,d events of %,d letters in %.0f s (%s), database %d MiB",
                    stage.eventsInStore(), stage.eventsLoaded(), stage.lettersLoaded(), stage.seconds(),
                    stage.stoppedBecause(), stage.databaseBytes() >> 20);
            // The raw read of one letter before its month is rewritten in letter order, for the comparison below.
            List<Double> beforeP50 = new ArrayList<>(), beforeP99 = new ArrayList<>();
            for (int run = 1; run <= config.runs(); run++) {
                Stats before = work.rawAggregateReads(loader.sample(config.sampleLetters(), r).stream()
                        .map(StoreLoader.SampledLetter::letterId).toList());
                beforeP50.add(before.percentileMillis(50));
                beforeP99.add(before.percentileMillis(99));
                log("run %d before the rewrite: raw p50 %.2f p99 %.2f ms", run, before.percentileMillis(50),
                        before.percentileMillis(99));
            }
            StoreLoader.Compaction compaction = loader.compactClosedMonths();
            log("closed months rewritten in letter order: %d months, %,d events in %.0f s", compaction.months(),
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
            log("run %d at %s: history p50 %.1f p99 %.1f ms; state p50 %.1f p99 %.1f ms; raw p50 %.2f p99 %.2f ms; "
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

    // ------------------------------------------------------------------ targets

    private void targets(int maxClients) {
        double raw1 = report.baselineMedian("reg.1.tput");
        double raw16 = report.baselineMedian("reg." + maxClients + ".tput");
        double reg1 = report.median("reg.1.tput");
        double reg16 = report.median("reg." + maxClients + ".tput");
        percent("Registration at 1 client ≥ 50 % of raw at 1 client", reg1, raw1, 50);
        percent("Registration at " + maxClients + " clients ≥ 50 % of raw at 1 client", reg16, raw1, 50);
        double mixed1 = report.median("mixed.1.tput");
        double mixed16 = report.median("mixed." + maxClients + ".tput");
        percent("Mixed run at " + maxClients + " clients ≥ 30 % of raw at " + maxClients + " clients", mixed16, raw16,
                30);
        report.target("Mixed run at " + maxClients + " clients ≥ 3× the mixed run at 1 client",
                Report.fmt(mixed16 / mixed1) + "×", mixed16 >= 3 * mixed1);
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
