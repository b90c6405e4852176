package org.letterdesk.bench;

import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The reads users wait for (issue 20, 4), on a bulk-loaded store of BENCH_READS_EVENTS events (30 M by default),
 * each next to a raw SQL baseline from the same run: the export of the busiest year's register as CSV and as XLSX
 * (rows/s against {@code COPY (SELECT …) TO STDOUT} of the same rows), the register search {@code q}, the monthly
 * quality analysis, the work list of the busiest department and a sender file (p50/p95 against the same rows read
 * by plain SQL over JDBC). Open letters and sender files come from registrations over HTTP (the loaded letters are
 * all closed and predate sender files). Run with scripts/benchmark-reads.sh.
 */
public final class ReadsBenchmark {

    static final String BEGIN = "<!-- READS-RESULTS:BEGIN (written by scripts/benchmark-reads.sh; a rerun replaces "
            + "it) -->";
    static final String END = "<!-- READS-RESULTS:END -->";
    static final String REBUILD_BEGIN = "<!-- REBUILD-AT-SCALE-RESULTS:BEGIN (written by scripts/benchmark-reads.sh "
            + "with BENCH_READS_REBUILD_ONLY=1; a rerun replaces it) -->";
    static final String REBUILD_END = "<!-- REBUILD-AT-SCALE-RESULTS:END -->";
    private static final String ZONE = "Asia/Shanghai";
    /** The server counts a search's matches up to this many (RegisterController.SEARCH_TOTAL_CAP). */
    private static final int SEARCH_TOTAL_CAP = 1000;
    /** The register's columns as the export shows them, in its order (RegisterColumns). */
    private static final String EXPORT_COLUMNS = "serial_no, received_at, sender_info, subject, core_request, "
            + "attachment_list, category, channel, department, assignee, status, urgent, first_response_due, "
            + "reply_due, completed_at, overdue, remarks";

    private final Config config;
    private final Report report = new Report();
    private final long targetEvents;
    private final boolean reuse;
    private final boolean loadOnly;
    private final int requests;
    /** Rebuilds of every read model of the loaded store after the reads, each after a raw scan of the events. */
    private final int rebuildRuns;
    /** Only the rebuilds (BENCH_READS_REBUILD_RUNS, at least one), no reads: their own section of the results. */
    private final boolean rebuildOnly;
    private final int openLetters;
    private final Random random;

    private ReadsBenchmark(Config config) {
        this.config = config;
        this.targetEvents = Long.parseLong(env("BENCH_READS_EVENTS", "30000000"));
        this.reuse = env("BENCH_READS_REUSE", "0").equals("1");
        this.loadOnly = env("BENCH_READS_LOAD_ONLY", "0").equals("1");
        this.requests = Integer.parseInt(env("BENCH_READS_REQUESTS", "200"));
        this.openLetters = Integer.parseInt(env("BENCH_READS_OPEN_LETTERS", "3000"));
        this.rebuildOnly = env("BENCH_READS_REBUILD_ONLY", "0").equals("1");
        this.rebuildRuns = Math.max(rebuildOnly ? 1 : 0, Integer.parseInt(env("BENCH_READS_REBUILD_RUNS", "0")));
        this.random = new Random(config.seed());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new ReadsBenchmark(Config.fromEnvironment(root)).run();
    }

    private void run() throws Exception {
        long benchStart = System.nanoTime();
        report.facts.put("Load average at start (1/5/15 min)", Progress.loadAverage());
        long inStore = reuse ? StoreLoader.eventsInStore(config) : -1;
        if (inStore >= targetEvents * 95 / 100) {
            Progress.log("reusing %s with %,d events (BENCH_READS_REUSE)", config.database(), inStore);
            report.facts.put("Store", String.format(Locale.ROOT, "%,d events, loaded by an earlier run "
                    + "(BENCH_READS_REUSE); database %.1f GiB", inStore, StoreLoader.databaseBytes(config) / (double) (1L << 30)));
        } else {
            load();
        }
        if (loadOnly) {
            Progress.log("loaded only (BENCH_READS_LOAD_ONLY)");
            return;
        }
        Server server = Server.start(config, "reads");
        Progress.log("server up on port %d (pid %d)", server.port, server.pid());
        Map<String, Object> shape;
        try (Connection sql = DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), "");
             Http http = new Http(server.port, 4)) {
            try (Statement settings = sql.createStatement()) {
                settings.execute("SET jit = off"); // as the server's connections: the baselines measure the SQL
                settings.execute("SET work_mem = '32MB'"); // as the server's register pages (RegisterPages)
            }
            if (rebuildOnly) {
                // Not shape(): it asks for the busiest department's open letters, which only the reads register.
                shape = new LinkedHashMap<>();
                shape.put("letters", single(sql, "SELECT count(*) FROM letter_view"));
                shape.put("register rows", single(sql, "SELECT count(*) FROM register_entry"));
                Progress.log("store shape: %s", shape);
                rebuild(http);
            } else {
                shape = measureReads(http, sql, server);
            }
        }
        if (!server.alive()) {
            throw new IllegalStateException("server died; see " + server.log);
        }
        long rss = server.stop();
        report.facts.put("Store shape", shape.toString());
        report.facts.put("Server", "-Xmx" + config.serverHeap() + " (the exports stream: the whole year's file "
                + "never fits in it); peak RSS " + rss / 1024 + " MiB");
        if (!rebuildOnly) {
            report.facts.put("Per run", requests + " requests of each read, one client, after an unmeasured run of "
                    + "the same reads; exports: the whole file downloaded, then the raw COPY of the same rows; the "
                    + "baselines' connection with jit = off and work_mem = 32MB, as the server's register pages");
            report.facts.put("Runs", Integer.toString(config.runs()));
        } else {
            report.facts.put("Runs", Integer.toString(rebuildRuns) + " (BENCH_READS_REBUILD_RUNS), each after a raw "
                    + "scan of the event table");
        }
        report.facts.put("CPU cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        report.facts.put("Load average at end (1/5/15 min)", Progress.loadAverage());
        report.facts.put("Whole run wall time", String.format(Locale.ROOT, "%.1f min",
                (System.nanoTime() - benchStart) / 60e9));
        String markdown = report.markdown();
        Report.keep(config, rebuildOnly ? "rebuild-at-scale" : "reads", markdown);
        if (!config.quick()) {
            Report.writeInto(config.doc(), rebuildOnly ? REBUILD_BEGIN : BEGIN, rebuildOnly ? REBUILD_END : END,
                    markdown);
            Progress.log("results written into %s", config.root().relativize(config.doc()));
        }
        System.out.println(markdown);
    }

    /** The reads, {@code config.runs()} measured runs after one unmeasured; then the rebuilds if asked for. */
    private Map<String, Object> measureReads(Http http, Connection sql, Server server) throws Exception {
        registerOpenLetters(http, sql);
        Map<String, Object> shape = shape(sql);
        Progress.log("store shape: %s", shape);
        List<String> queries = searchQueries(sql);
        List<String> months = months(sql);
        List<String> senders = senderIds(sql);
        String department = (String) shape.get("busiest department");
        int year = (int) shape.get("busiest year");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Map<String, List<Double>> runs = new LinkedHashMap<>();
        for (int run = 0; run <= config.runs(); run++) {
            boolean measured = run > 0; // run 0 warms the server's paths and the database's caches up
            long copyRows = 0;
            double copySeconds = 0;
            for (String format : List.of("csv", "xlsx")) {
                long started = System.nanoTime();
                long bytes = download(client, server.port, "/api/register/export?format=" + format
                        + "&from=" + year + "-01-01&to=" + year + "-12-31");
                double seconds = (System.nanoTime() - started) / 1e9;
                long copyStarted = System.nanoTime();
                copyRows = copy(sql, year);
                copySeconds = (System.nanoTime() - copyStarted) / 1e9;
                Progress.log("run %d export %s: %,d bytes in %.1f s (%,.0f rows/s); raw COPY %,d rows in %.1f s",
                        run, format, bytes, seconds, copyRows / seconds, copyRows, copySeconds);
                if (measured) {
                    runs.computeIfAbsent("export." + format, k -> new ArrayList<>()).add(copyRows / seconds);
                    runs.computeIfAbsent("export." + format + ".copy", k -> new ArrayList<>())
                            .add(copyRows / copySeconds);
                    runs.computeIfAbsent("export." + format + ".mb", k -> new ArrayList<>())
                            .add(bytes / 1e6);
                }
            }
            if (measured) {
                runs.computeIfAbsent("export.rows", k -> new ArrayList<>()).add((double) copyRows);
            }
            Stats search = new Stats(), searchSql = new Stats();
            int refused = 0;
            for (int i = 0; i < requests; i++) {
                String q = queries.get(random.nextInt(queries.size()));
                // A search that runs past the statement timeout is answered 503: the user waited that long
                // for nothing, so its time counts, and so does the answer.
                long started = System.nanoTime();
                if (!http.get("supervisor", "/api/register?q=" + encode(q)).ok()) {
                    refused++;
                }
                search.add(System.nanoTime() - started);
                searchSql.add(timed(() -> searchSql(sql, q)));
            }
            Progress.log("run %d search: %d of %d answered 503 (past the statement timeout)", run, refused,
                    requests);
            if (measured) {
                runs.computeIfAbsent("search.refused", k -> new ArrayList<>()).add((double) refused);
            }
            Stats quality = new Stats(), qualitySql = new Stats();
            for (int i = 0; i < requests; i++) {
                String month = months.get(random.nextInt(months.size()));
                quality.add(timedGet(http, "supervisor", "/api/quality/monthly?month=" + month));
                qualitySql.add(timed(() -> qualitySql(sql, month)));
            }
            Stats work = new Stats(), workSql = new Stats();
            for (int i = 0; i < requests; i++) {
                work.add(timedGet(http, "handler", "/api/worklist?department=" + department));
                workSql.add(timed(() -> worklistSql(sql, department)));
            }
            Stats file = new Stats(), fileSql = new Stats();
            for (int i = 0; i < requests; i++) {
                String sender = senders.get(random.nextInt(senders.size()));
                file.add(timedGet(http, "supervisor", "/api/senders/" + sender));
                fileSql.add(timed(() -> senderSql(sql, sender)));
            }
            Progress.log("run %d search p95 %.1f ms (SQL %.1f), quality p95 %.1f (SQL %.1f), work list p95 %.1f "
                            + "(SQL %.1f), sender file p95 %.1f (SQL %.1f)", run, search.percentileMillis(95),
                    searchSql.percentileMillis(95), quality.percentileMillis(95), qualitySql.percentileMillis(95),
                    work.percentileMillis(95), workSql.percentileMillis(95), file.percentileMillis(95),
                    fileSql.percentileMillis(95));
            if (measured) {
                keep(runs, "search", search, searchSql);
                keep(runs, "quality", quality, qualitySql);
                keep(runs, "worklist", work, workSql);
                keep(runs, "sender", file, fileSql);
            }
        }
        tabulate(runs, year, department);
        if (rebuildRuns > 0) {
            rebuild(http);
        }
        return shape;
    }

    /**
     * The read models of the whole store rebuilt through the server's admin API, next to a raw JDBC scan of the event
     * table in global order (the rebuild's own baseline in the main benchmark). Last, as it rewrites every read model.
     */
    private void rebuild(Http http) throws Exception {
        Workloads work = new Workloads(config);
        List<Double> rebuild = new ArrayList<>();
        List<Double> scan = new ArrayList<>();
        List<Double> minutes = new ArrayList<>();
        long head = 0;
        for (int run = 1; run <= rebuildRuns; run++) {
            Workloads.Rebuild s = work.rawScan();
            scan.add(s.eventsPerSecond());
            Progress.log("rebuild run %d raw scan: %d events in %.1f s = %.0f events/s", run, s.head(), s.seconds(),
                    s.eventsPerSecond());
            Workloads.Rebuild r = work.rebuild(http);
            rebuild.add(r.eventsPerSecond());
            minutes.add(r.seconds() / 60);
            head = r.head();
            Progress.log("rebuild run %d: %d events in %.1f s = %.0f events/s", run, r.head(), r.seconds(),
                    r.eventsPerSecond());
            String outcome = http.get("admin", "/api/admin/read-models/rebuild").body();
            Progress.log("rebuild run %d progress at the end: %s", run, outcome);
            report.facts.put("Rebuild run " + run + ": the server's account at the end", outcome);
        }
        report.add("rebuild", "Rebuild of every read model of the store (" + String.format(Locale.ROOT, "%,d", head)
                + " events)", "events/s", rebuild, "raw sequential JDBC scan of domain_event_entry", scan);
        report.add("rebuild.minutes", "Rebuild of every read model: wall time", "min", minutes, null, null);
        double share = report.median("rebuild") / report.baselineMedian("rebuild");
        report.target("Rebuild ≥ 25 % of the raw scan rate", String.format(Locale.ROOT, "%.1f %%", share * 100),
                share >= 0.25);
    }

    private void tabulate(Map<String, List<Double>> runs, int year, String department) {
        for (String format : List.of("csv", "xlsx")) {
            String key = "export." + format;
            report.add(key, "Export of " + year + "'s register as " + format.toUpperCase(Locale.ROOT) + " ("
                            + Report.fmt(Stats.median(runs.get("export.rows"))) + " rows, "
                            + Report.fmt(Stats.median(runs.get(key + ".mb"))) + " MB), -Xmx" + config.serverHeap()
                            + ": rows/s", "rows/s", runs.get(key),
                    "raw COPY (SELECT the register's columns of the same rows) TO STDOUT (CSV)", runs.get(key + ".copy"));
            double share = report.median(key) / report.baselineMedian(key);
            report.target("Export " + format.toUpperCase(Locale.ROOT) + " ≥ 25 % of the raw COPY's rows/s",
                    String.format(Locale.ROOT, "%.1f %%", share * 100), share >= 0.25);
        }
        readRows(runs, "search", "Register search q (a random 2- or 3-character Chinese substring of a loaded "
                + "letter's subject, core request or sender), first page and total", "the same first page and "
                + "count up to the cap (" + SEARCH_TOTAL_CAP + ") in SQL (n-gram index condition and LIKE, the "
                + "planner's plan; no statement timeout)", 100);
        report.add("search.refused", "Register search: answered 503 (past the server's statement timeout) of "
                + requests, "requests", runs.get("search.refused"), null, null);
        readRows(runs, "quality", "Monthly quality analysis (a random loaded month)", "one GROUP BY over the "
                + "month's quality facts", 200);
        readRows(runs, "worklist", "Work list of the busiest department (" + department + ")", "the department's "
                + "first page of open letters by next due time", 50);
        readRows(runs, "sender", "A sender file with its letters", "the file's row and its letters", 20);
    }

    private void readRows(Map<String, List<Double>> runs, String key, String name, String baseline, double target) {
        report.add(key + ".p50", name + ": p50", "ms", runs.get(key + ".p50"), baseline + ": p50",
                runs.get(key + ".sql.p50"));
        report.add(key + ".p95", name + ": p95", "ms", runs.get(key + ".p95"), baseline + ": p95",
                runs.get(key + ".sql.p95"));
        double p95 = report.median(key + ".p95");
        report.target(name + ": p95 < " + Report.fmt(target) + " ms", Report.fmt(p95) + " ms", p95 < target);
    }

    private static void keep(Map<String, List<Double>> runs, String key, Stats http, Stats sql) {
        runs.computeIfAbsent(key + ".p50", k -> new ArrayList<>()).add(http.percentileMillis(50));
        runs.computeIfAbsent(key + ".p95", k -> new ArrayList<>()).add(http.percentileMillis(95));
        runs.computeIfAbsent(key + ".sql.p50", k -> new ArrayList<>()).add(sql.percentileMillis(50));
        runs.computeIfAbsent(key + ".sql.p95", k -> new ArrayList<>()).add(sql.percentileMillis(95));
    }

    // ---------------------------------------------------------------- the store

    private void load() throws Exception {
        report.facts.put("Store", StoreLoader.freshStore(config, targetEvents, "reads").describe());
    }

    /**
     * Open letters over HTTP (the work list's rows) from a pool of senders, so that sender files have letters:
     * the loaded letters are closed and predate sender files. Skipped when an earlier run made them.
     */
    private void registerOpenLetters(Http http, Connection sql) throws Exception {
        long open = single(sql, "SELECT count(*) FROM worklist_entry");
        if (open >= openLetters && single(sql, "SELECT count(*) FROM sender_file_letter") >= openLetters) {
            Progress.log("%,d open letters already there", open);
            return;
        }
        int senders = Math.max(1, openLetters / 10);
        long started = System.nanoTime();
        for (int i = 0; i < openLetters; i++) {
            Random sender = new Random(config.seed() + random.nextInt(senders));
            String body = """
                    {"channel":"LETTER","receivedAt":"%s","sender":{"name":"%s","phone":"%s","email":"%s",
                    "address":"%s"},"subject":"%s","coreRequest":"%s","category":"COMPLAINT","attachments":[],
                    "remarks":"","department":"%s"}""".formatted(
                    Instant.now().minusSeconds(3600).toString(), Texts.name(sender), Texts.phone(sender),
                    Texts.email(sender), Texts.address(sender), Texts.subject(random), Texts.coreRequest(random),
                    i % 4 < 2 ? "CUSTOMER_SERVICE" : i % 4 == 2 ? "BUSINESS" : "ADMINISTRATION");
            Http.Response response = http.post("clerk", "/api/letters", body);
            if (!response.ok()) {
                throw new IllegalStateException("registration " + response.status() + ": " + response.body());
            }
        }
        Progress.log("%,d open letters registered over HTTP in %.0f s", openLetters,
                (System.nanoTime() - started) / 1e9);
        // The work list and sender files are projections: wait until they hold them.
        long until = System.nanoTime() + 120_000_000_000L;
        while ((single(sql, "SELECT count(*) FROM worklist_entry") < openLetters
                || single(sql, "SELECT count(*) FROM sender_file_letter") < openLetters)
                && System.nanoTime() < until) {
            Thread.sleep(500);
        }
    }

    private Map<String, Object> shape(Connection sql) throws Exception {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("letters in the register", single(sql, "SELECT count(*) FROM register_entry"));
        try (Statement st = sql.createStatement();
             ResultSet rs = st.executeQuery("SELECT extract(year FROM received_at AT TIME ZONE '" + ZONE
                     + "')::int, count(*) FROM register_entry GROUP BY 1 ORDER BY 2 DESC LIMIT 1")) {
            rs.next();
            shape.put("busiest year", rs.getInt(1));
            shape.put("its letters", rs.getLong(2));
        }
        try (Statement st = sql.createStatement();
             ResultSet rs = st.executeQuery("SELECT department, count(*) FROM worklist_entry "
                     + "GROUP BY 1 ORDER BY 2 DESC LIMIT 1")) {
            rs.next();
            shape.put("busiest department", rs.getString(1));
            shape.put("its open letters", rs.getLong(2));
        }
        shape.put("quality facts", single(sql, "SELECT count(*) FROM quality_letter_fact"));
        shape.put("sender files", single(sql, "SELECT count(*) FROM sender_file_view"));
        return shape;
    }

    /** Random 2- and 3-character substrings of loaded letters' texts, without spaces or ASCII punctuation. */
    private List<String> searchQueries(Connection sql) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Statement st = sql.createStatement();
             ResultSet rs = st.executeQuery("SELECT subject, core_request, sender_name FROM register_entry "
                     + "TABLESAMPLE SYSTEM (0.1) REPEATABLE (" + config.seed() % 1000 + ") LIMIT 2000")) {
            while (rs.next()) {
                for (int column = 1; column <= 3; column++) {
                    if (rs.getString(column) != null) {
                        texts.add(rs.getString(column));
                    }
                }
            }
        }
        List<String> queries = new ArrayList<>();
        while (queries.size() < 500 && !texts.isEmpty()) {
            int[] chars = texts.get(random.nextInt(texts.size())).codePoints().toArray();
            int length = 2 + random.nextInt(2);
            if (chars.length < length) {
                continue;
            }
            int from = random.nextInt(chars.length - length + 1);
            String q = new String(chars, from, length);
            if (q.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                queries.add(q);
            }
        }
        if (queries.isEmpty()) {
            throw new IllegalStateException("no Chinese text in the register to search for");
        }
        return queries;
    }

    private List<String> months(Connection sql) throws Exception {
        List<String> months = strings(sql, "SELECT DISTINCT to_char(received_at AT TIME ZONE '" + ZONE
                + "', 'YYYY-MM') FROM quality_letter_fact");
        // Only whole months that have ended: the analysis of the current month is another question.
        String now = YearMonth.now().toString();
        months.removeIf(m -> m.compareTo(now) >= 0);
        if (months.isEmpty()) {
            throw new IllegalStateException("no past month with quality facts");
        }
        return months;
    }

    private List<String> senderIds(Connection sql) throws Exception {
        List<String> ids = strings(sql, "SELECT sender_id FROM sender_file_view");
        if (ids.isEmpty()) {
            throw new IllegalStateException("no sender files");
        }
        return ids;
    }

    private static List<String> strings(Connection sql, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- the raw SQL baselines

    private long copy(Connection sql, int year) throws Exception {
        String select = "SELECT " + EXPORT_COLUMNS + " FROM register_entry WHERE received_at >= '" + year
                + "-01-01T00:00+08:00' AND received_at < '" + (year + 1) + "-01-01T00:00+08:00' "
                + "ORDER BY received_at, serial_no";
        return sql.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT csv)",
                OutputStream.nullOutputStream());
    }

    /**
     * The search's first page and its count up to the server's cap, in SQL: the n-gram index condition and LIKE
     * over the three columns, the plan the planner picks for them and this text.
     */
    private static void searchSql(Connection sql, String q) throws Exception {
        String where = " FROM register_entry WHERE letterdesk_register_search(subject, core_request, sender_info, ?)"
                + " AND (lower(subject) LIKE ? OR lower(core_request) LIKE ? OR lower(sender_info) LIKE ?)";
        try (PreparedStatement count = sql.prepareStatement("SELECT count(*) FROM (SELECT 1" + where
                + " LIMIT " + (SEARCH_TOTAL_CAP + 1) + ") AS found");
             PreparedStatement page = sql.prepareStatement("SELECT *" + where
                     + " ORDER BY received_at DESC, serial_no LIMIT 20")) {
            for (PreparedStatement st : List.of(count, page)) {
                // Planned for each text, as a statement with its values written in would be: after five
                // executions the driver would otherwise keep one generic plan for every text, the n-gram index's,
                // which for a common word reads most of the register (30 s and more).
                st.unwrap(PGStatement.class).setPrepareThreshold(0);
                st.setString(1, q);
                for (int i = 2; i <= 4; i++) {
                    st.setString(i, "%" + q + "%");
                }
                drain(st);
            }
        }
    }

    private static void qualitySql(Connection sql, String month) throws Exception {
        YearMonth m = YearMonth.parse(month);
        try (PreparedStatement st = sql.prepareStatement("""
                SELECT department, count(*), count(*) FILTER (WHERE replied_at > reply_due),
                       count(*) FILTER (WHERE first_response_met_at > first_response_due)
                FROM quality_letter_fact WHERE received_at >= ?::timestamptz AND received_at < ?::timestamptz
                GROUP BY department""")) {
            st.setString(1, m.atDay(1) + "T00:00+08:00");
            st.setString(2, m.plusMonths(1).atDay(1) + "T00:00+08:00");
            drain(st);
        }
    }

    private static void worklistSql(Connection sql, String department) throws Exception {
        try (PreparedStatement count = sql.prepareStatement(
                "SELECT count(*) FROM worklist_entry WHERE department = ?");
             PreparedStatement page = sql.prepareStatement(
                     "SELECT * FROM worklist_entry WHERE department = ? ORDER BY next_due LIMIT 100")) {
            for (PreparedStatement st : List.of(count, page)) {
                st.setString(1, department);
                drain(st);
            }
        }
    }

    private static void senderSql(Connection sql, String sender) throws Exception {
        try (PreparedStatement file = sql.prepareStatement("SELECT * FROM sender_file_view WHERE sender_id = ?");
             PreparedStatement letters = sql.prepareStatement(
                     "SELECT l.*, r.serial_no, r.category, r.status FROM sender_file_letter l "
                             + "JOIN register_entry r USING (letter_id) WHERE l.file_id = ?")) {
            for (PreparedStatement st : List.of(file, letters)) {
                st.setString(1, sender);
                drain(st);
            }
        }
    }

    private static void drain(PreparedStatement st) throws Exception {
        try (ResultSet rs = st.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private static long timedGet(Http http, String user, String path) throws Exception {
        long started = System.nanoTime();
        Http.Response response = http.get(user, path);
        long took = System.nanoTime() - started;
        if (!response.ok()) {
            throw new IllegalStateException("GET " + path + " answered " + response.status() + ": "
                    + response.body());
        }
        return took;
    }

    @FunctionalInterface
    private interface SqlRead {
        void run() throws Exception;
    }

    private static long timed(SqlRead read) throws Exception {
        long started = System.nanoTime();
        read.run();
        return System.nanoTime() - started;
    }

    /** Downloads a file as a supervisor and counts its bytes, keeping none of it. */
    private static long download(HttpClient client, int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "supervisor:supervisor".getBytes(StandardCharsets.UTF_8))).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            long bytes = body.transferTo(OutputStream.nullOutputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return bytes;
        }
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static long single(Connection sql, String query) throws Exception {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
