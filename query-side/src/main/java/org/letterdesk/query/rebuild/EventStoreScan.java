package org.letterdesk.query.rebuild;

import org.letterdesk.procedure.EventMetaData;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.letterdesk.database.LongStatements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads every event of the store up to its head, for the bulk replay, in stream order — by aggregate, then sequence
 * number — rather than in global order: every letter's events arrive together, so the replay folds a letter
 * completely and writes it once. That is also the physical order of the event table's closed months, which are
 * rewritten in letter order (docs/decisions/0003-event-store-partitions.md), so most of the store is read
 * sequentially; a global-order read visits their pages out of order, several times each.
 * <p>
 * The whole read is one query in one repeatable-read transaction, streamed with a fetch size: the head and the
 * events are of one snapshot. An event below the head that is not in the snapshot (its transaction had not
 * committed yet) is missed by the read; the token handed out at the end is gap-aware like the store's, so when its
 * position lies within the last {@link #GAP_WINDOW} positions the processor that continues from the token still
 * looks for it — the same window a tracking processor gives a late commit.
 * <p>
 * Time stamps (always written by Axon as {@code yyyy-MM-ddTHH:mm:ss.fffZ}) are parsed directly and the metadata is
 * left serialized: the fold needs only the acting user, read in the same query. Payloads go through the configured
 * serializer and upcaster chain, exactly as in the processor.
 */
@Component
class EventStoreScan {

    /** How far behind the head a position missing from the read is still looked for (Axon's default gap window). */
    static final int GAP_WINDOW = 10_000;

    private static final String HEAD = "SELECT coalesce(max(global_index), -1) FROM domain_event_entry";
    private static final String IN_STREAM_ORDER = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                   payload_type, payload_revision, payload, meta_data, meta_data->>'%s' AS acting_user
            FROM domain_event_entry WHERE global_index <= ?
            ORDER BY aggregate_identifier, sequence_number""".formatted(EventMetaData.USER);
    private static final String OF_TYPES_IN_GLOBAL_ORDER = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                   payload_type, payload_revision, payload, meta_data, meta_data->>'%s' AS acting_user
            FROM domain_event_entry WHERE global_index <= ? AND payload_type = ANY (?)
            ORDER BY global_index""".formatted(EventMetaData.USER);
    private static final String POSITIONS_IN_WINDOW =
            "SELECT global_index FROM domain_event_entry WHERE global_index >= ? AND global_index <= ?";

    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final Duration longStatementTimeout;

    EventStoreScan(JdbcTemplate jdbc, Configuration axon,
                   @Value("${letterdesk.database.long-statement-timeout:PT1H}") Duration longStatementTimeout) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.longStatementTimeout = longStatementTimeout;
    }

    /** One event as read: its message (payload deserialized lazily) and the user who acted, from its metadata. */
    record ScannedEvent(TrackedEventMessage<?> message, String user) {
    }

    /** Takes the pages of a read; false stops the read. */
    @FunctionalInterface
    interface Pages {
        boolean accept(List<ScannedEvent> page);
    }

    /**
     * Reads every event up to the head in stream order, handing them over in pages of at most {@code pageSize}.
     *
     * @return the gap-aware token at the head read, or null when the store is empty or the read was stopped
     */
    TrackingToken readInStreamOrder(int pageSize, Pages pages) {
        Serializer serializer = axon.eventSerializer();
        EventUpcaster upcasters = axon.upcasterChain();
        // The read stays open while the fold works through it: the ordinary idle bound would end it.
        return jdbc.execute((ConnectionCallback<TrackingToken>) connection -> LongStatements.inTransaction(
                connection, longStatementTimeout, true, c -> {
                    try (Statement statement = c.createStatement()) {
                        // Without a LIMIT the planner may price sorting the whole table above walking each month's
                        // stream index in order; that sort would spill the store to disk before the first row.
                        statement.execute("SET LOCAL enable_sort = off");
                    }
                    return read(c, pageSize, pages, serializer, upcasters);
                }));
    }

    /**
     * Reads the events of the given stored payload types up to the head, in global order, handing them over in pages
     * of at most {@code pageSize}: what a processor handling only these types would see of the store. The token at
     * the end is the same as after {@link #readInStreamOrder}: the head, with the positions of the last
     * {@link #GAP_WINDOW} not in the read's snapshot as gaps — of every type, as a processor's token would have them.
     *
     * @return the gap-aware token at the head read, or null when the store is empty or the read was stopped
     */
    TrackingToken readOfTypesInGlobalOrder(Collection<String> payloadTypes, int pageSize, Pages pages) {
        Serializer serializer = axon.eventSerializer();
        EventUpcaster upcasters = axon.upcasterChain();
        return jdbc.execute((ConnectionCallback<TrackingToken>) connection -> LongStatements.inTransaction(
                connection, longStatementTimeout, true, c -> {
                    long head = head(c);
                    if (head < 0) {
                        return null;
                    }
                    try (PreparedStatement statement = c.prepareStatement(OF_TYPES_IN_GLOBAL_ORDER)) {
                        statement.setFetchSize(pageSize);
                        statement.setLong(1, head);
                        statement.setArray(2, c.createArrayOf("varchar", payloadTypes.toArray()));
                        if (!readRows(statement, pageSize, pages, serializer, upcasters, null, 0)) {
                            return null;
                        }
                    }
                    // The read skipped the other types, so which positions exist is asked of the window itself.
                    long windowStart = Math.max(0, head - GAP_WINDOW + 1);
                    BitSet seen = new BitSet((int) (head - windowStart + 1));
                    try (PreparedStatement statement = c.prepareStatement(POSITIONS_IN_WINDOW)) {
                        statement.setLong(1, windowStart);
                        statement.setLong(2, head);
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                seen.set((int) (rs.getLong(1) - windowStart));
                            }
                        }
                    }
                    return token(head, windowStart, seen);
                }));
    }

    private static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(HEAD)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TrackingToken token(long head, long windowStart, BitSet seen) {
        SortedSet<Long> gaps = new TreeSet<>();
        for (long position = windowStart; position < head; position++) {
            if (!seen.get((int) (position - windowStart))) {
                gaps.add(position);
            }
        }
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    private TrackingToken read(Connection connection, int pageSize, Pages pages, Serializer serializer,
                               EventUpcaster upcasters) throws SQLException {
        long head = head(connection);
        if (head < 0) {
            return null;
        }
        // Which of the last GAP_WINDOW positions up to the head were read: the others are the token's gaps.
        long windowStart = Math.max(0, head - GAP_WINDOW + 1);
        BitSet seen = new BitSet((int) (head - windowStart + 1));
        try (PreparedStatement statement = connection.prepareStatement(IN_STREAM_ORDER)) {
            statement.setFetchSize(pageSize);
            statement.setLong(1, head);
            if (!readRows(statement, pageSize, pages, serializer, upcasters, seen, windowStart)) {
                return null;
            }
        }
        return token(head, windowStart, seen);
    }

    /**
     * Runs the read and hands its rows over page by page, marking the positions from {@code windowStart} on in
     * {@code seen} (when given); false when a page was refused.
     */
    private static boolean readRows(PreparedStatement statement, int pageSize, Pages pages, Serializer serializer,
                                    EventUpcaster upcasters, BitSet seen, long windowStart) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            List<StoredEvent> rows = new ArrayList<>(pageSize);
            Map<Long, String> users = new HashMap<>();
            while (rs.next()) {
                long index = rs.getLong(1);
                if (seen != null && index >= windowStart) {
                    seen.set((int) (index - windowStart));
                }
                rows.add(new StoredEvent(new GlobalSequenceTrackingToken(index), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5), parseTimestamp(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                users.put(index, rs.getString(11));
                if (rows.size() == pageSize) {
                    if (!pages.accept(deserialize(rows, users, serializer, upcasters))) {
                        return false;
                    }
                    rows = new ArrayList<>(pageSize);
                    users = new HashMap<>();
                }
            }
            return rows.isEmpty() || pages.accept(deserialize(rows, users, serializer, upcasters));
        }
    }

    /** Upcasters may split or drop events; a message's user is that of the stored event it came from. */
    private static List<ScannedEvent> deserialize(List<StoredEvent> rows, Map<Long, String> users,
                                                  Serializer serializer, EventUpcaster upcasters) {
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                .map(message -> new ScannedEvent(message, users.get(message.trackingToken().position().orElse(-1))))
                .toList();
    }

    /**
     * Parses Axon's stored time stamp: {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of up to 9 digits, then
     * {@code Z}. Anything else goes to Axon's own parser.
     */
    static Instant parseTimestamp(String text) {
        int length = text.length();
        if (length >= 20 && text.charAt(length - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
            try {
                int nanos = 0;
                if (length > 20) {
                    if (text.charAt(19) != '.' || length > 30 || length == 21) {
                        return DateTimeUtils.parseInstant(text);
                    }
                    int digits = length - 21;
                    nanos = digits(text, 20, 20 + digits);
                    for (int i = digits; i < 9; i++) {
                        nanos *= 10;
                    }
                }
                long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
                int hour = digits(text, 11, 13);
                int minute = digits(text, 14, 16);
                int second = digits(text, 17, 19);
                if (hour > 23 || minute > 59 || second > 59) {
                    return DateTimeUtils.parseInstant(text);
                }
                return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
            } catch (NumberFormatException | DateTimeException e) {
                return DateTimeUtils.parseInstant(text);
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A stored event as Axon's deserialization expects it. */
    private static final class StoredEvent implements TrackedEventData<String>, DomainEventData<String> {

        private final TrackingToken token;
        private final String eventIdentifier;
        private final String aggregateIdentifier;
        private final long sequenceNumber;
        private final String type;
        private final Instant timestamp;
        private final SerializedObject<String> payload;
        private final SerializedObject<String> metaData;

        StoredEvent(TrackingToken token, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                    String type, Instant timestamp, String payloadType, String payloadRevision, String payload,
                    String metaData) {
            this.token = token;
            this.eventIdentifier = eventIdentifier;
            this.aggregateIdentifier = aggregateIdentifier;
            this.sequenceNumber = sequenceNumber;
            this.type = type;
            this.timestamp = timestamp;
            this.payload = new SimpleSerializedObject<>(payload, String.class, payloadType, payloadRevision);
            this.metaData = new SimpleSerializedObject<>(metaData == null ? "{}" : metaData, String.class,
                    org.axonframework.messaging.MetaData.class.getName(), null);
        }

        @Override
        public TrackingToken trackingToken() {
            return token;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<String> getMetaData() {
            return metaData;
        }

        @Override
        public SerializedObject<String> getPayload() {
            return payload;
        }

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }
    }
}
