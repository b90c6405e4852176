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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the event store from the start in pages of consecutive events, for the bulk replay. Axon's own tracked read
 * fetches 100 events per query and parses every event's metadata and time stamp with general-purpose parsers, which
 * made it the slower half of a replay; here a page is one keyset query, the time stamps (always written by Axon as
 * {@code yyyy-MM-ddTHH:mm:ss.fffZ}) are parsed directly, and the metadata is left serialized: the fold needs only
 * the acting user, read in the same query. Payloads still go through the configured serializer and upcaster chain,
 * exactly as in the processor.
 * <p>
 * The tokens it hands out are gap-aware like the store's: an index skipped within the last {@link #GAP_WINDOW}
 * positions may belong to a transaction that commits later, so the processor that continues from the token still
 * looks for it.
 */
@Component
class EventStoreScan {

    /** How far behind the last event read a skipped index is still looked for (Axon's default gap window). */
    static final int GAP_WINDOW = 10_000;

    private static final String PAGE = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                   payload_type, payload_revision, payload, meta_data, meta_data->>'%s' AS acting_user
            FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?""".formatted(EventMetaData.USER);

    private final JdbcTemplate jdbc;
    private final Configuration axon;

    EventStoreScan(JdbcTemplate jdbc, Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /** One event as read: its message (payload deserialized lazily) and the user who acted, from its metadata. */
    record ScannedEvent(TrackedEventMessage<?> message, String user) {
    }

    /** A cursor over the store; not thread-safe. */
    Cursor open() {
        return new Cursor(axon.eventSerializer(), axon.upcasterChain());
    }

    final class Cursor {

        private final Serializer serializer;
        private final EventUpcaster upcasters;
        private long lastIndex = -1;
        private final SortedSet<Long> gaps = new TreeSet<>();

        private Cursor(Serializer serializer, EventUpcaster upcasters) {
            this.serializer = serializer;
            this.upcasters = upcasters;
        }

        /** The next page of at most {@code size} events; empty at the end of the store. */
        List<ScannedEvent> next(int size) {
            List<StoredEvent> rows = new ArrayList<>(size);
            Map<Long, String> users = new HashMap<>();
            jdbc.query(PAGE, rs -> {
                long index = rs.getLong(1);
                skipTo(index);
                // Each message gets the plain position; the page's gap-aware token is made once, by lastToken().
                rows.add(new StoredEvent(new GlobalSequenceTrackingToken(index), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5), parseTimestamp(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                users.put(index, rs.getString(11));
            }, lastIndex, size);
            // Upcasters may split or drop events; a message's user is that of the stored event it came from.
            return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                    .map(message -> new ScannedEvent(message,
                            users.get(message.trackingToken().position().orElse(-1))))
                    .toList();
        }

        /** The token of the last event read, with the skipped positions still within the gap window. */
        TrackingToken lastToken() {
            return lastIndex < 0 ? null : GapAwareTrackingToken.newInstance(lastIndex, gaps);
        }

        private void skipTo(long index) {
            for (long skipped = Math.max(lastIndex + 1, index - GAP_WINDOW + 1); skipped < index; skipped++) {
                gaps.add(skipped);
            }
            lastIndex = index;
            gaps.headSet(index - GAP_WINDOW + 1).clear();
        }
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
