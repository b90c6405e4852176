package org.letterdesk.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Every knob of the benchmark, from environment variables (see docs/benchmarks.md). */
record Config(Path root, Path appJar, Path outDir, Path doc, String pgHost, int pgPort, String pgUser, String database,
              String serverHeap, List<String> serverJvmOptions, boolean commandsOnly, boolean quick, int runs, int serverWarmupSeconds, int serverWarmupMaxSeconds,
              double jitSettledSeconds, int warmupSeconds,
              int durationSeconds,
              int readWarmupLetters,
              List<Integer> clients, List<Long> sizes, int loadMinutes, long minFreeBytes, int sampleLetters,
              int registerRequests, int lagPollers, int lagPollMillis, int rebuildTimeoutSeconds, long rebuildEvents, long seed,
              boolean comparisonsOnly, boolean floor, String floorDatabase, int floorCachedLetters, Path migrations,
              boolean rt, Path rtScript, int rtWarmupSeconds) {

    static Config fromEnvironment(Path root) {
        boolean quick = bool("BENCH_QUICK", false);
        return new Config(
                root,
                root.resolve(str("BENCH_APP_JAR", "app/target/app-0.1.0-SNAPSHOT.jar")),
                root.resolve(str("BENCH_OUT", "benchmarks/target/bench")),
                root.resolve(str("BENCH_DOC", "docs/benchmarks.md")),
                str("BENCH_PG_HOST", "127.0.0.1"),
                integer("BENCH_PG_PORT", 5432),
                str("BENCH_PG_USER", "postgres"),
                str("BENCH_DB", "letterdesk_bench"),
                str("BENCH_SERVER_HEAP", "512m"),
                Arrays.stream(str("BENCH_SERVER_JVM_OPTS", "").split("\\s+")).filter(o -> !o.isBlank()).toList(),
                bool("BENCH_COMMANDS_ONLY", false),
                quick,
                integer("BENCH_RUNS", 3),
                integer("BENCH_SERVER_WARMUP_S", quick ? 10 : 90),
                integer("BENCH_SERVER_WARMUP_MAX_S", quick ? 30 : 900),
                Double.parseDouble(str("BENCH_JIT_SETTLED_CPU_S", "0.5")),
                integer("BENCH_WARMUP_S", quick ? 2 : 5),
                integer("BENCH_DURATION_S", quick ? 5 : 20),
                integer("BENCH_READ_WARMUP_LETTERS", quick ? 50 : 300),
                Arrays.stream(str("BENCH_CLIENTS", "1,16").split(",")).map(String::strip).map(Integer::parseInt)
                        .toList(),
                Arrays.stream(str("BENCH_SIZES", quick ? "100000" : "1000000,30000000").split(","))
                        .map(String::strip).map(Long::parseLong).toList(),
                integer("BENCH_LOAD_MINUTES", quick ? 5 : 40),
                (long) integer("BENCH_MIN_FREE_GB", 15) << 30,
                integer("BENCH_SAMPLE_LETTERS", quick ? 200 : 1000),
                integer("BENCH_REGISTER_REQUESTS", 60),
                integer("BENCH_LAG_POLLERS", 2),
                integer("BENCH_LAG_POLL_MS", 5),
                integer("BENCH_REBUILD_TIMEOUT_S", quick ? 300 : 1800),
                Long.parseLong(str("BENCH_REBUILD_EVENTS", quick ? "20000" : "50000")),
                Long.parseLong(str("BENCH_SEED", "20261122")),
                bool("BENCH_COMPARISONS_ONLY", false),
                bool("BENCH_FLOOR", true),
                str("BENCH_FLOOR_DB", "letterdesk_floor"),
                integer("BENCH_FLOOR_CACHED_LETTERS", 5000),
                root.resolve(str("BENCH_MIGRATIONS", "app/src/main/resources/db/migration")),
                bool("BENCH_RT", true),
                root.resolve("scripts/benchmark-rt.sh"),
                integer("BENCH_RT_WARMUP_S", quick ? 10 : 60));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    String floorJdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + floorDatabase;
    }

    String adminJdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres";
    }

    private static String str(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(str(name, Integer.toString(fallback)));
    }

    private static boolean bool(String name, boolean fallback) {
        String v = str(name, fallback ? "1" : "0");
        return v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes");
    }
}
