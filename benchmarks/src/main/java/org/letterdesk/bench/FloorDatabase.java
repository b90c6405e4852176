package org.letterdesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framework floor's database, on the benchmark's PostgreSQL: made fresh by the app's own migrations (each in
 * its own transaction, in version order, as Flyway runs them), so its event table is the app's — partitioned by
 * month, jsonb payloads, the same indexes — and then given the partitions the app creates at start-up (last month
 * to three months ahead).
 */
final class FloorDatabase {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private FloorDatabase() {
    }

    static List<String> create(Config config) throws Exception {
        try (Connection c = DriverManager.getConnection(config.adminJdbcUrl(), config.pgUser(), "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + config.floorDatabase() + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + config.floorDatabase());
        }
        List<Path> migrations;
        try (var files = Files.list(config.migrations())) {
            migrations = files.filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(FloorDatabase::version)).toList();
        }
        if (migrations.isEmpty()) {
            throw new IllegalStateException("no migrations in " + config.migrations());
        }
        try (Connection c = DriverManager.getConnection(config.floorJdbcUrl(), config.pgUser(), "")) {
            c.setAutoCommit(false);
            for (Path migration : migrations) {
                try (Statement st = c.createStatement()) {
                    st.execute(Files.readString(migration, StandardCharsets.UTF_8));
                }
                c.commit();
            }
            try (Statement st = c.createStatement()) {
                YearMonth now = YearMonth.now(ZoneOffset.UTC);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_proc WHERE proname = "
                        + "'letterdesk_create_event_partition'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        st.execute("SELECT letterdesk_create_event_partition(m::date) FROM generate_series('"
                                + now.minusMonths(1).atDay(1) + "'::date, '" + now.plusMonths(3).atDay(1)
                                + "'::date, INTERVAL '1 month') m");
                    }
                }
            }
            c.commit();
        }
        return migrations.stream().map(m -> m.getFileName().toString()).toList();
    }

    private static int version(Path migration) {
        Matcher m = VERSION.matcher(migration.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
