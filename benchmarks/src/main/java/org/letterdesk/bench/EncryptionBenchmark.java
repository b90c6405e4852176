package org.letterdesk.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of encrypting personal data (docs/decisions/0005): registrations at each client count against the
 * packaged server started with {@code letterdesk.personal-data.encryption} on and then off, in one run on one
 * database, several rounds. The two variants alternate (on/off, off/on, …) so that neither always meets the larger
 * store or the later part of the run; each server is warmed up alike before it is measured. Prints the table, keeps
 * it in the output directory and writes it into docs/benchmarks.md between its own markers. Run with
 * scripts/benchmark-encryption.sh.
 */
public final class EncryptionBenchmark {

    static final String BEGIN = "<!-- ENCRYPTION-RESULTS:BEGIN (written by scripts/benchmark-encryption.sh; a rerun "
            + "replaces it) -->";
    static final String END = "<!-- ENCRYPTION-RESULTS:END -->";

    private final Config config;
    private final Workloads work;
    private final Report report = new Report();
    private final List<String> loadAverages = new ArrayList<>();
    private final List<String> storeSizes = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private int servers;

    private EncryptionBenchmark(Config config) {
        this.config = config;
        this.work = new Workloads(config);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new EncryptionBenchmark(Config.fromEnvironment(root)).run();
    }

    private void run() throws Exception {
        long benchStart = System.nanoTime();
        try (Connection c = DriverManager.getConnection(config.adminJdbcUrl(), config.pgUser(), "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + config.database() + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + config.database());
        }
        Progress.log("fresh database %s", config.database());
        loadAverages.add("start " + Progress.loadAverage());
        int maxClients = config.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
        Map<String, Map<Integer, List<ClosedLoop.Result>>> results = new HashMap<>();
        for (int round = 1; round <= config.runs(); round++) {
            List<Boolean> order = round % 2 == 1 ? List.of(true, false) : List.of(false, true);
            for (boolean encrypted : order) {
                String variant = encrypted ? "on" : "off";
                servers++;
                Server server = Server.start(config, "encryption-" + servers + "-" + variant,
                        List.of("--letterdesk.personal-data.encryption=" + encrypted));
                CpuProbe.serverPid = server.pid();
                Progress.log("round %d: server %d up with encryption %s (pid %d)", round, servers, variant, server.pid());
                try (Http http = new Http(server.port, maxClients * 2 + 8)) {
                    // Unmeasured load first: a fresh JVM pays its JIT compilation in the first tens of seconds.
                    work.registrations(http, maxClients, null, 0, config.serverWarmupSeconds());
                    for (int clients : config.clients()) {
                        long events = eventsInStore();
                        ClosedLoop.Result r = work.registrations(http, clients, null);
                        results.computeIfAbsent(variant, v -> new HashMap<>())
                                .computeIfAbsent(clients, c -> new ArrayList<>()).add(r);
                        storeSizes.add(String.format(Locale.ROOT, "%d/%s/%d: %,d", round, variant, clients, events));
                        Progress.log("round %d encryption %-3s %2d clients: %.1f/s p50 %.2f ms p99 %.2f ms, %d errors; server "
                                        + "CPU per registration %.2f ms; store %,d events", round, variant, clients,
                                r.throughput(), r.latency().percentileMillis(50), r.latency().percentileMillis(99),
                                r.errors(), r.serverCpuMillisPerOp(), events);
                    }
                    work.awaitProjection(http, 600);
                }
                checks.add(checkStored(encrypted));
                if (!server.alive()) {
                    throw new IllegalStateException("server died; see " + server.log);
                }
                server.stop();
                loadAverages.add(String.format(Locale.ROOT, "after round %d %s: %s", round, variant,
                        Progress.loadAverage()));
            }
        }
        for (int clients : config.clients()) {
            List<ClosedLoop.Result> on = results.get("on").get(clients);
            List<ClosedLoop.Result> off = results.get("off").get(clients);
            String base = "encryption off, " + clients + " client" + (clients > 1 ? "s" : "");
            String name = "POST /api/letters, encryption on, " + clients + " client(s)";
            report.add("enc." + clients + ".tput", name + ": throughput" + errors(on) + "; baseline" + errors(off),
                    "/s", map(on, ClosedLoop.Result::throughput), base, map(off, ClosedLoop.Result::throughput));
            report.add("enc." + clients + ".p50", name + ": p50", "ms",
                    map(on, r -> r.latency().percentileMillis(50)), base,
                    map(off, r -> r.latency().percentileMillis(50)));
            report.add("enc." + clients + ".p99", name + ": p99", "ms",
                    map(on, r -> r.latency().percentileMillis(99)), base,
                    map(off, r -> r.latency().percentileMillis(99)));
            report.add("enc." + clients + ".cpu", name + ": server CPU per registration", "ms",
                    map(on, ClosedLoop.Result::serverCpuMillisPerOp), base,
                    map(off, ClosedLoop.Result::serverCpuMillisPerOp));
            report.add("enc." + clients + ".machine", name + ": machine CPU per registration", "ms",
                    map(on, ClosedLoop.Result::machineCpuMillisPerOp), base,
                    map(off, ClosedLoop.Result::machineCpuMillisPerOp));
        }
        report.facts.put("CPU cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        report.facts.put("Rounds", config.runs() + " (order of the variants alternates: on/off, off/on, …)");
        report.facts.put("Per server", "started afresh (-Xmx" + config.serverHeap() + "), " + config.serverWarmupSeconds()
                + " s of unmeasured registrations at " + maxClients + " clients, then per client count "
                + config.warmupSeconds() + " s warm-up + " + config.durationSeconds() + " s measured");
        report.facts.put("Events in the store before each measured run (round/variant/clients)",
                String.join(", ", storeSizes));
        report.facts.put("What each variant stored (checked in SQL after its runs)", String.join("; ", checks));
        report.facts.put("Load average (1/5/15 min; other work on the shared machine shows here)",
                String.join("; ", loadAverages));
        report.facts.put("Whole run wall time", String.format(Locale.ROOT, "%.1f min",
                (System.nanoTime() - benchStart) / 60e9));
        String markdown = report.markdown().replace("### Targets of the issue\n\n| Target | Measured | Verdict |\n"
                + "|---|---|---|\n\n", "");
        Report.keep(config, "encryption", markdown);
        if (!config.quick()) {
            Report.writeInto(config.doc(), BEGIN, END, markdown);
            Progress.log("results written into %s", config.root().relativize(config.doc()));
        }
    }

    private long eventsInStore() throws Exception {
        try (Connection c = work.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Shows that the switch did what it says: the last registration's stored phone is ciphertext, or clear. */
    private String checkStored(boolean encrypted) throws Exception {
        try (Connection c = work.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT payload->'sender'->>'phone' FROM domain_event_entry "
                     + "WHERE payload_type = 'org.letterdesk.events.LetterReceived' "
                     + "ORDER BY global_index DESC LIMIT 1")) {
            String phone = rs.next() ? rs.getString(1) : null;
            boolean sealed = phone != null && phone.startsWith("ENC1:");
            if (sealed != encrypted) {
                throw new IllegalStateException("encryption " + (encrypted ? "on" : "off")
                        + " but the last stored phone is " + (sealed ? "encrypted" : "clear"));
            }
            return "encryption " + (encrypted ? "on: phone stored as ENC1:…" : "off: phone stored in clear");
        }
    }

    private static List<Double> map(List<ClosedLoop.Result> results,
                                    java.util.function.Function<ClosedLoop.Result, Double> f) {
        return results.stream().map(f).toList();
    }

    private static String errors(List<ClosedLoop.Result> results) {
        long e = results.stream().mapToLong(ClosedLoop.Result::errors).sum();
        return e == 0 ? "" : " (" + e + " errors)";
    }
}
