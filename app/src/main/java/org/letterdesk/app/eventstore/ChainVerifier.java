package org.letterdesk.app.eventstore;

import org.letterdesk.database.LongStatements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Recomputes the event store's hash chains from the rows as stored (docs/decisions/0006-event-hash-chain.md): one
 * letter's, or every aggregate's in one streamed pass, and at start-up records the checkpoints for events stored
 * without a hash.
 */
@Component
public class ChainVerifier {

    /** One aggregate's verdict. {@code firstBrokenSequence} and {@code reason} are null when valid. */
    public record Verdict(boolean valid, long events, Long firstBrokenSequence, ChainWalk.Break reason) {
        static Verdict of(ChainWalk walk) {
            return new Verdict(walk.valid(), walk.events(), walk.brokenAt(), walk.reason());
        }
    }

    /** A broken aggregate found by the whole-store pass. */
    public record Broken(String aggregateId, Long firstBrokenSequence, ChainWalk.Break reason) {
    }

    /** The whole store's verdict. */
    public record StoreVerdict(boolean valid, long aggregates, long events, long brokenAggregates) {
    }

    private static final String ROWS = """
            SELECT e.aggregate_identifier, e.sequence_number, e.meta_data ->> 'hash',
                   letterdesk_event_digest(e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                                           e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data),
                   c.head_hash
            FROM domain_event_entry e
            LEFT JOIN event_chain_checkpoint c
                   ON c.aggregate_identifier = e.aggregate_identifier AND c.sequence_number = e.sequence_number
            """;

    private static final int FETCH = 2_000;

    private final DataSource dataSource;
    private final Duration longStatementTimeout;

    ChainVerifier(DataSource dataSource,
                  @Value("${letterdesk.database.long-statement-timeout:PT1H}") Duration longStatementTimeout) {
        this.dataSource = dataSource;
        this.longStatementTimeout = longStatementTimeout;
    }

    /** The aggregate's chain, or null if it has neither events nor checkpoints. */
    public Verdict verify(String aggregateId) {
        return inTransaction(false, connection -> {
            Long lastCheckpoint;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT max(sequence_number) FROM event_chain_checkpoint WHERE aggregate_identifier = ?")) {
                statement.setString(1, aggregateId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    lastCheckpoint = (Long) rs.getObject(1);
                }
            }
            ChainWalk walk = new ChainWalk();
            try (PreparedStatement statement = connection.prepareStatement(
                    ROWS + " WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number")) {
                statement.setString(1, aggregateId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        walk.accept(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    }
                }
            }
            if (walk.events() == 0 && lastCheckpoint == null) {
                return null;
            }
            return Verdict.of(walk.finish(lastCheckpoint));
        });
    }

    /**
     * Every aggregate's chain, in one pass over the store in (aggregate, sequence) order: {@code progress} gets the
     * events read so far every {@code progressEvery} events, {@code broken} each broken aggregate as it is found.
     * Then the checkpoints whose event is gone (removed at the end of a stream, where no later event shows a gap).
     */
    public StoreVerdict verifyAll(long progressEvery, Consumer<long[]> progress, Consumer<Broken> broken) {
        return inTransaction(false, connection -> {
            long aggregates = 0;
            long events = 0;
            long brokenCount = 0;
            java.util.Set<String> reported = new java.util.HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    ROWS + " ORDER BY e.aggregate_identifier, e.sequence_number")) {
                statement.setFetchSize(FETCH);
                try (ResultSet rs = statement.executeQuery()) {
                    String current = null;
                    ChainWalk walk = null;
                    while (rs.next()) {
                        String aggregate = rs.getString(1);
                        if (!aggregate.equals(current)) {
                            if (walk != null && !walk.finish(null).valid()) {
                                brokenCount++;
                                reported.add(current);
                                broken.accept(new Broken(current, walk.brokenAt(), walk.reason()));
                            }
                            current = aggregate;
                            walk = new ChainWalk();
                            aggregates++;
                        }
                        walk.accept(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
                        if (++events % progressEvery == 0) {
                            progress.accept(new long[]{aggregates, events});
                        }
                    }
                    if (walk != null && !walk.finish(null).valid()) {
                        brokenCount++;
                        reported.add(current);
                        broken.accept(new Broken(current, walk.brokenAt(), walk.reason()));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.aggregate_identifier, min(c.sequence_number) FROM event_chain_checkpoint c
                    WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e
                                      WHERE e.aggregate_identifier = c.aggregate_identifier
                                        AND e.sequence_number = c.sequence_number)
                    GROUP BY c.aggregate_identifier ORDER BY 1""");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (reported.add(rs.getString(1))) {
                        brokenCount++;
                        broken.accept(new Broken(rs.getString(1), lastPresentPlusOne(connection, rs.getString(1)),
                                ChainWalk.Break.REMOVED));
                    }
                }
            }
            return new StoreVerdict(brokenCount == 0, aggregates, events, brokenCount);
        });
    }

    private static long lastPresentPlusOne(Connection connection, String aggregateId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(max(sequence_number) + 1, 0) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            statement.setString(1, aggregateId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Records a checkpoint for every aggregate that has events stored without a hash since the last look (all of
     * them on the first start after the upgrade): the chain's head over its events up to its last such event. The
     * events themselves are not touched. Nodes starting together take turns (advisory lock). Returns the number of
     * checkpoints recorded.
     */
    int checkpoint() {
        return inTransaction(true, connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext('letterdesk.event-chain-checkpoint'))")) {
                lock.execute();
            }
            long checkedUpTo;
            long head;
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT checked_up_to, (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)
                    FROM event_chain_state WHERE id = 1 FOR UPDATE""");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                checkedUpTo = rs.getLong(1);
                head = rs.getLong(2);
            }
            Map<String, String> heads = new HashMap<>();
            Map<String, Long> lastSequences = new HashMap<>();
            int recorded = 0;
            try (PreparedStatement statement = connection.prepareStatement("""
                    WITH uncovered AS (
                        SELECT aggregate_identifier, max(sequence_number) AS last_sequence FROM domain_event_entry
                        WHERE global_index > ? AND meta_data ->> 'hash' IS NULL
                        GROUP BY aggregate_identifier)
                    """ + ROWS.replace("FROM domain_event_entry e", "FROM uncovered u JOIN domain_event_entry e "
                    + "ON e.aggregate_identifier = u.aggregate_identifier AND e.sequence_number <= u.last_sequence")
                    .replace("c.head_hash", "c.head_hash, u.last_sequence")
                    + " ORDER BY e.aggregate_identifier, e.sequence_number");
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO event_chain_checkpoint (aggregate_identifier, sequence_number, head_hash)
                         VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")) {
                statement.setLong(1, checkedUpTo);
                statement.setFetchSize(FETCH);
                try (ResultSet rs = statement.executeQuery()) {
                    String current = null;
                    ChainWalk walk = null;
                    while (rs.next()) {
                        String aggregate = rs.getString(1);
                        if (!aggregate.equals(current)) {
                            current = aggregate;
                            walk = new ChainWalk();
                        }
                        long sequence = rs.getLong(2);
                        walk.accept(sequence, rs.getString(3), rs.getString(4), rs.getString(5));
                        if (sequence == rs.getLong(6)) {
                            insert.setString(1, aggregate);
                            insert.setLong(2, sequence);
                            insert.setString(3, walk.head());
                            insert.addBatch();
                            if (++recorded % 1_000 == 0) {
                                insert.executeBatch();
                            }
                        }
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE event_chain_state SET checked_up_to = greatest(checked_up_to, ?),
                                                 started_at = coalesce(started_at, now()) WHERE id = 1""")) {
                statement.setLong(1, head);
                statement.executeUpdate();
            }
            return recorded;
        });
    }

    private <T> T inTransaction(boolean write, LongStatements.Work<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // A read-only pass sees the store in one snapshot, as it was at one instant.
            return LongStatements.inTransaction(connection, longStatementTimeout, !write, work);
        } catch (SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("Hash chain pass failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
