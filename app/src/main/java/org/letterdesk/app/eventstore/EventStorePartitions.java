package org.letterdesk.app.eventstore;

import org.letterdesk.database.LongStatements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The event table's month partitions (V10 migration, docs/decisions/0003-event-store-partitions.md): makes sure the
 * partitions of the coming months exist before their letters arrive, and rewrites a month's partition in letter
 * order once its letters are closed. The work itself is done by the migration's SQL functions, which the benchmark
 * loader calls too.
 */
@Component
public class EventStorePartitions {

    /** A month partition as recorded in {@code event_store_partition}, with its current size. */
    public record Partition(String name, YearMonth month, Instant createdAt, Instant compactedAt,
                            Long compactedEvents, long bytes) {
    }

    /** One rewritten partition. */
    public record Compaction(String partition, YearMonth month, long events, long millis) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration longStatementTimeout;

    EventStorePartitions(JdbcTemplate jdbc, Clock clock,
                         @Value("${letterdesk.database.long-statement-timeout:PT1H}") Duration longStatementTimeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.longStatementTimeout = longStatementTimeout;
    }

    /** Creates the partitions from last month to {@code monthsAhead} months from now; returns those it created. */
    public List<String> ensureAhead(int monthsAhead) {
        YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
        return ensure(now.minusMonths(1), now.plusMonths(monthsAhead));
    }

    /**
     * Creates the partitions of the months {@code from} to {@code to} that do not exist yet. A month that had none
     * while its letters came has its events moved out of the default partition, which may take a while.
     */
    public List<String> ensure(YearMonth from, YearMonth to) {
        return longRunning(db -> db.queryForList("""
                SELECT created FROM (SELECT letterdesk_create_event_partition(m::date) AS created
                                     FROM generate_series(?::date, ?::date, INTERVAL '1 month') m) c
                WHERE created IS NOT NULL""", String.class, firstDay(from), firstDay(to)));
    }

    /**
     * The months not rewritten yet whose last day lies at least {@code closedAfter} in the past, oldest first: their
     * letters have long been answered and archived, so their partitions receive (almost) no more events.
     */
    public List<YearMonth> compactable(Duration closedAfter) {
        Instant cutoff = clock.instant().minus(closedAfter);
        return jdbc.queryForList("""
                        SELECT month FROM event_store_partition
                        WHERE compacted_at IS NULL AND (month + INTERVAL '1 month') <= ?
                        ORDER BY month""", Date.class, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .stream().map(date -> YearMonth.from(date.toLocalDate())).toList();
    }

    /**
     * Rewrites the month's partition in (letter, sequence) order (see the SQL function for what waits meanwhile),
     * then freezes the new table's rows: otherwise every first read of one of its pages would write the page again
     * to set the rows' commit hints, and an anti-wraparound vacuum would one day rewrite the whole month.
     */
    public Compaction compact(YearMonth month) {
        long started = System.nanoTime();
        return longRunning(db -> {
            Long events = db.queryForObject("SELECT letterdesk_compact_event_partition(?::date)", Long.class,
                    firstDay(month));
            String name = db.queryForObject("SELECT partition_name FROM event_store_partition WHERE month = ?::date",
                    String.class, firstDay(month));
            db.execute("VACUUM (FREEZE) \"" + name + "\"");
            return new Compaction(name, month, events == null ? 0 : events,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /**
     * Runs {@code work} on one connection whose statements may take {@code letterdesk.database.long-statement-timeout}
     * (a month's rewrite takes about a minute) instead of the ordinary bound; lock waits stay bounded.
     */
    private <T> T longRunning(Function<JdbcTemplate, T> work) {
        return jdbc.execute((ConnectionCallback<T>) connection -> LongStatements.run(connection, longStatementTimeout,
                c -> work.apply(new JdbcTemplate(new SingleConnectionDataSource(c, true)))));
    }

    public Optional<Partition> find(YearMonth month) {
        return jdbc.query(PARTITIONS + " WHERE month = ?::date", PARTITION, firstDay(month)).stream().findFirst();
    }

    public List<Partition> list() {
        return jdbc.query(PARTITIONS + " ORDER BY month", PARTITION);
    }

    private static final String PARTITIONS = """
            SELECT partition_name, month, created_at, compacted_at, compacted_events,
                   pg_total_relation_size(partition_name::regclass) AS bytes
            FROM event_store_partition""";

    private static final RowMapper<Partition> PARTITION = (rs, row) -> new Partition(rs.getString(1),
            YearMonth.from(rs.getDate(2).toLocalDate()), rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
            rs.getObject(5) == null ? null : rs.getLong(5), rs.getLong(6));

    private static String firstDay(YearMonth month) {
        return month.atDay(1).toString();
    }
}
