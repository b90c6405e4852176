package org.letterdesk.bench;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The console's screens in a real browser (Debian's headless Chromium) against the packaged server on a store of
 * BENCH_CONSOLE_EVENTS events (1 M by default, bulk-loaded like the main benchmark's stores). For each screen, as the
 * user whose role it serves: the first render of a full page load — from the navigation's start until the console
 * marks the screen drawn (the {@code letterdesk:drawn} performance mark, set once the screen's data has arrived and
 * its content is in the page) — and, as the baseline of the same page load, the slowest {@code /api/} request the
 * screen waited for (the browser's own resource timing). Run with scripts/benchmark-console.sh.
 */
public final class ConsoleBenchmark {

    static final String BEGIN = "<!-- CONSOLE-RESULTS:BEGIN (written by scripts/benchmark-console.sh; a rerun replaces "
            + "it) -->";
    static final String END = "<!-- CONSOLE-RESULTS:END -->";
    /** The section of a run on a store an earlier run loaded (BENCH_CONSOLE_REUSE=1), e.g. the reads' 30 M store. */
    static final String REUSED_BEGIN = "<!-- CONSOLE-REUSED-STORE-RESULTS:BEGIN (written by scripts/benchmark-console.sh "
            + "with BENCH_CONSOLE_REUSE=1; a rerun replaces it) -->";
    static final String REUSED_END = "<!-- CONSOLE-REUSED-STORE-RESULTS:END -->";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BENCH_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("BENCH_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    /** The target of issues 18 and 20: a screen's first render. */
    private static final double TARGET_MILLIS = 500;

    /** A screen as one user opens it: its route and the user whose role it serves. */
    private record Screen(String title, String user, String route) {
    }

    /**
     * One page load: the screen drawn, the slowest /api/ request it waited for, and the console's shell ready (the
     * route's start: scripts loaded, /api/me answered).
     */
    private record PageLoad(double drawnMillis, double slowestApiMillis, double shellMillis, double completeMillis) {
    }

    private static long nanos(double millis) {
        return (long) (millis * 1e6);
    }

    private final Config config;
    private final Report report = new Report();
    private final long targetEvents;
    private final int loads;
    private final int warmupLoads;
    private final int serverWarmupSeconds;
    private final boolean reuse;

    private ConsoleBenchmark(Config config) {
        this.config = config;
        this.targetEvents = Long.parseLong(System.getenv().getOrDefault("BENCH_CONSOLE_EVENTS", "1000000"));
        this.loads = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONSOLE_LOADS", "20"));
        this.warmupLoads = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONSOLE_WARMUP_LOADS", "5"));
        this.serverWarmupSeconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONSOLE_SERVER_WARMUP_S",
                "60"));
        this.reuse = "1".equals(System.getenv("BENCH_CONSOLE_REUSE"));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new ConsoleBenchmark(Config.fromEnvironment(root)).run();
    }

    private void run() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver)");
        }
        long benchStart = System.nanoTime();
        report.facts.put("Load average at start (1/5/15 min)", Progress.loadAverage());
        long inStore = reuse ? StoreLoader.eventsInStore(config) : -1;
        boolean reused = inStore >= targetEvents * 95 / 100;
        String letter;
        String qualityRoute = "quality";
        if (reused) {
            Progress.log("reusing %s with %,d events (BENCH_CONSOLE_REUSE)", config.database(), inStore);
            report.facts.put("Store", String.format(Locale.ROOT, "%,d events, loaded by an earlier run "
                    + "(BENCH_CONSOLE_REUSE); database %.1f GiB", inStore,
                    StoreLoader.databaseBytes(config) / (double) (1L << 30)));
            letter = loadedLetter();
            qualityRoute = qualityRouteOfLoadedStore();
        } else {
            StoreLoader.FreshStore store = StoreLoader.freshStore(config, targetEvents, "console");
            report.facts.put("Store", store.describe());
            letter = store.loader().sample(1, new Random(config.seed())).get(0).letterId();
        }

        Server server = Server.start(config, "console");
        Progress.log("server up on port %d (pid %d)", server.port, server.pid());
        List<Screen> screens = List.of(
                new Screen("我的工作 (work list)", "handler", "work"),
                new Screen("信函登记表 (register)", "supervisor", "register"),
                new Screen("信函登记表, search q=积分", "supervisor", "register?q=%E7%A7%AF%E5%88%86"),
                new Screen("登记 (registration form)", "clerk", "registration"),
                new Screen("信函 (a letter's page)", "supervisor", "letters/" + letter),
                new Screen("客户档案 (sender files)", "supervisor", "senders"),
                new Screen("争议处理记录簿 (dispute book)", "supervisor", "disputes"),
                new Screen("承诺 (commitments)", "supervisor", "commitments"),
                new Screen("抽查 (spot checks)", "supervisor", "spot-checks"),
                new Screen("质量分析 (quality analysis)", "supervisor", qualityRoute),
                new Screen("审计 (a letter's history)", "auditor", "audit/" + letter),
                new Screen("个人信息查阅记录 (access list)", "auditor", "access"),
                new Screen("日历 (calendar)", "admin", "calendar"),
                new Screen("分办规则 (routing rules)", "admin", "routing-rules"));

        // BENCH_CONSOLE_ONLY=quality,work measures only the screens whose routes start with one of those names.
        String only = System.getenv().getOrDefault("BENCH_CONSOLE_ONLY", "");
        if (!only.isBlank()) {
            List<String> names = List.of(only.split(","));
            screens = screens.stream().filter(s -> names.stream().anyMatch(n -> s.route().startsWith(n.strip())))
                    .toList();
        }
        Map<Screen, List<Double>> p50 = new LinkedHashMap<>(), p95 = new LinkedHashMap<>();
        Map<Screen, List<Double>> apiP50 = new LinkedHashMap<>(), apiP95 = new LinkedHashMap<>();
        List<Double> shellP50 = new ArrayList<>(), shellP95 = new ArrayList<>();
        Path profile = Files.createTempDirectory("console-bench-profile");
        ChromeDriver driver = browser(profile);
        int serverWarmupLoads;
        try {
            String base = "http://localhost:" + server.port;
            serverWarmupLoads = warmUp(driver, base, screens);
            for (int run = 1; run <= config.runs(); run++) {
                String signedIn = null;
                Stats shell = new Stats();
                for (Screen screen : screens) {
                    signedIn = signedInFor(driver, base, screen, signedIn);
                    Stats drawn = new Stats();
                    Stats api = new Stats();
                    Stats complete = new Stats();
                    for (int i = 0; i < warmupLoads + loads; i++) {
                        PageLoad timing = load(driver, base, screen);
                        if (i >= warmupLoads) {
                            drawn.add(nanos(timing.drawnMillis()));
                            api.add(nanos(timing.slowestApiMillis()));
                            shell.add(nanos(timing.shellMillis()));
                            if (!Double.isNaN(timing.completeMillis())) {
                                complete.add(nanos(timing.completeMillis()));
                            }
                        }
                    }
                    p50.computeIfAbsent(screen, s -> new ArrayList<>()).add(drawn.percentileMillis(50));
                    p95.computeIfAbsent(screen, s -> new ArrayList<>()).add(drawn.percentileMillis(95));
                    apiP50.computeIfAbsent(screen, s -> new ArrayList<>()).add(api.percentileMillis(50));
                    apiP95.computeIfAbsent(screen, s -> new ArrayList<>()).add(api.percentileMillis(95));
                    Progress.log("run %d %-36s drawn p50 %6.1f p95 %6.1f ms; slowest /api/ request p50 %6.1f ms", run,
                            screen.route(), drawn.percentileMillis(50), drawn.percentileMillis(95),
                            api.percentileMillis(50));
                    if (complete.count() > 0) {
                        Progress.log("run %d %-36s complete p50 %6.1f p95 %6.1f ms", run, screen.route(),
                                complete.percentileMillis(50), complete.percentileMillis(95));
                    }
                }
                shellP50.add(shell.percentileMillis(50));
                shellP95.add(shell.percentileMillis(95));
            }
        } finally {
            driver.quit();
        }
        if (!server.alive()) {
            throw new IllegalStateException("server died; see " + server.log);
        }
        long rss = server.stop();

        String baseline = "slowest /api/ request of the same page load";
        report.add("console.shell.p50", "Every screen: the console's shell ready (navigation start → the route "
                + "starts: scripts loaded, /api/me answered) p50", "ms", shellP50, null, null);
        report.add("console.shell.p95", "Every screen: the console's shell ready p95", "ms", shellP95, null, null);
        for (Screen screen : screens) {
            String key = "console." + screen.route();
            report.add(key + ".p50", screen.title() + ": first render p50", "ms", p50.get(screen),
                    baseline + " p50", apiP50.get(screen));
            report.add(key + ".p95", screen.title() + ": first render p95", "ms", p95.get(screen),
                    baseline + " p95", apiP95.get(screen));
            double median = report.median(key + ".p95");
            report.target(screen.title() + ": first render p95 < 500 ms",
                    Report.fmt(median) + " ms", median < TARGET_MILLIS);
        }
        report.facts.put("Browser", "headless Chromium (" + version(CHROMIUM) + ") through ChromeDriver, window "
                + "1366×768, its HTTP cache on (as at a desk: the console's scripts are cached after the first load)");
        report.facts.put("Server warm-up", serverWarmupLoads + " page loads of the screens in turn over "
                + serverWarmupSeconds + " s (BENCH_CONSOLE_SERVER_WARMUP_S) before the first run, so that the "
                + "server's JIT compilers have settled, as in the other harnesses");
        report.facts.put("Per screen and run", warmupLoads + " unmeasured page loads, then " + loads
                + " measured; each a full page load from about:blank; each screen as the user whose role it serves "
                + "(signed in through the login form)");
        report.facts.put("What \"first render\" is", "navigation start → the console's letterdesk:drawn "
                + "performance mark (the screen's data has arrived and its content is in the page)");
        report.facts.put("Runs", Integer.toString(config.runs()));
        report.facts.put("Letter opened on the letter and audit screens", "a loaded letter picked by the harness's "
                + "seed (" + config.seed() + ")");
        report.facts.put("Server", "-Xmx" + config.serverHeap() + "; peak RSS " + rss / 1024 + " MiB");
        report.facts.put("CPU cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        report.facts.put("Load average at end (1/5/15 min)", Progress.loadAverage());
        report.facts.put("Whole run wall time", String.format(Locale.ROOT, "%.1f min",
                (System.nanoTime() - benchStart) / 60e9));
        String markdown = report.markdown();
        Report.keep(config, "console", markdown);
        if (!config.quick()) {
            Report.writeInto(config.doc(), reused ? REUSED_BEGIN : BEGIN, reused ? REUSED_END : END, markdown);
            Progress.log("results written into %s", config.root().relativize(config.doc()));
        }
    }

    /** A letter of a store loaded by an earlier run, picked by the harness's seed among its first thousand ids. */
    private String loadedLetter() throws Exception {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), "");
             PreparedStatement st = c.prepareStatement(
                     "SELECT letter_id FROM letter_view ORDER BY letter_id OFFSET ? LIMIT 1")) {
            st.setLong(1, Math.floorMod(config.seed(), 1000L));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no letter in " + config.database());
                }
                return rs.getString(1);
            }
        }
    }

    /**
     * The quality screen's route on a store loaded by an earlier run: the current month if the store's letters reach
     * it, else the last whole month they fill (a store loaded from three years back that stopped at its size), so
     * that the screen and its twelve-month trend show loaded months rather than empty ones.
     */
    private String qualityRouteOfLoadedStore() throws Exception {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), "");
             PreparedStatement st = c.prepareStatement("""
                     SELECT to_char(date_trunc('month', max(received_at) AT TIME ZONE 'Asia/Shanghai')
                                    - INTERVAL '1 month', 'YYYY-MM'),
                            max(received_at) < date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')
                                               AT TIME ZONE 'Asia/Shanghai' - INTERVAL '1 month'
                     FROM quality_letter_fact WHERE received_at < now() - INTERVAL '1 day'""");
             ResultSet rs = st.executeQuery()) {
            if (rs.next() && rs.getString(1) != null && rs.getBoolean(2)) {
                return "quality?month=" + rs.getString(1);
            }
            return "quality";
        }
    }

    /**
     * Loads the screens in turn, unmeasured, for {@link #serverWarmupSeconds}: a server in service has long been
     * compiled by its JIT, and the few unmeasured loads of each run left its compilers at work during the first
     * screens' measured loads (docs/benchmarks.md).
     */
    private int warmUp(ChromeDriver driver, String base, List<Screen> screens) {
        long end = System.nanoTime() + serverWarmupSeconds * 1_000_000_000L;
        String signedIn = null;
        int loadsDone = 0;
        while (System.nanoTime() < end) {
            for (Screen screen : screens) {
                signedIn = signedInFor(driver, base, screen, signedIn);
                load(driver, base, screen);
                loadsDone++;
            }
        }
        Progress.log("server warmed up: %d page loads in %d s", loadsDone, serverWarmupSeconds);
        return loadsDone;
    }

    /** Signs in as the screen's user unless that user is signed in already; answers who is signed in now. */
    private static String signedInFor(ChromeDriver driver, String base, Screen screen, String signedIn) {
        if (!screen.user().equals(signedIn)) {
            signIn(driver, base, screen.user());
        }
        return screen.user();
    }

    private static ChromeDriver browser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static void signIn(ChromeDriver driver, String base, String user) {
        driver.get(base + "/login");
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(RuntimeException.class)
                .until(d -> d.findElement(By.id("main")).getAttribute("data-screen") != null);
    }

    /** One full page load of the screen, in ms from the navigation's start. */
    private static PageLoad load(ChromeDriver driver, String base, Screen screen) {
        driver.get("about:blank");
        driver.get(base + "/#/" + screen.route());
        String path = screen.route().split("[/?]")[0];
        Object drawn = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(20))
                .ignoring(RuntimeException.class).until(d -> driver.executeScript("""
                        const marks = performance.getEntriesByName('letterdesk:drawn')
                            .filter((m) => m.detail === arguments[0]);
                        return marks.length ? marks[0].startTime : null;""", path));
        if (!driver.findElements(By.id("problem")).stream().allMatch(p -> p.getText().isBlank())) {
            throw new IllegalStateException(screen.route() + " shows a problem: "
                    + driver.findElement(By.id("problem")).getText());
        }
        Object api = driver.executeScript("""
                return performance.getEntriesByType('resource')
                    .filter((r) => r.name.includes('/api/') && r.responseEnd > 0)
                    .reduce((max, r) => Math.max(max, r.duration), 0);""");
        Object shell = driver.executeScript(
                "return performance.getEntriesByName('letterdesk:route')[0].startTime;");
        // A screen that draws a part after its first render (the quality analysis's twelve-month trend) marks when
        // it is complete: waited for and logged next to the first render. A console that drew the trend before its
        // first render (no such mark, the charts already marked drawn) was complete at its first render.
        double complete = Double.NaN;
        if (path.equals("quality")) {
            Object completed = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(20))
                    .ignoring(RuntimeException.class).until(d -> driver.executeScript("""
                            const marks = performance.getEntriesByName('letterdesk:complete');
                            if (marks.length) {
                                return marks[0].startTime;
                            }
                            const charts = document.querySelector('.charts[data-drawn]');
                            return charts ? arguments[0] : null;""", drawn));
            complete = ((Number) completed).doubleValue();
        }
        return new PageLoad(((Number) drawn).doubleValue(), ((Number) api).doubleValue(),
                ((Number) shell).doubleValue(), complete);
    }

    private static String version(Path chromium) {
        try {
            Process p = new ProcessBuilder(chromium.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            // Debian's wrapper script may print shell noise before the version line.
            return out.lines().filter(l -> l.startsWith("Chromium")).findFirst().orElse("version unknown").strip();
        } catch (Exception e) {
            return "version unknown";
        }
    }
}
