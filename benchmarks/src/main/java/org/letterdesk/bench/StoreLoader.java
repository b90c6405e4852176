package org.letterdesk.bench;

import org.letterdesk.procedure.EventMetaData;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.query.letter.LetterView;
import org.letterdesk.query.letter.LetterViewJson;
import org.letterdesk.query.register.RegisterEntry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bulk-loads realistic letter streams while the server is stopped: events serialized by Axon's Jackson 3
 * serializer into domain_event_entry (COPY, in time order across letters, so a letter's events are spread over
 * the table as in production), the register numbers into register_serial, and the read models the projection
 * would have written (letter_view folded with the query side's own LetterView, register_entry from it, and
 * register_count counted again from the register). Every processor's token is then set to the head, so no processor
 * replays the loaded events.
 */
final class StoreLoader {

    private static final int CHUNK_EVENTS = 20_000;
    private static final String EVENT_COPY = "COPY domain_event_entry (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) FROM STDIN";
    private static final String VIEW_COPY = "COPY letter_view (letter_id, version, document, updated_at) FROM STDIN";
    private static final String REGISTER_COPY = "COPY register_entry (letter_id, serial_no, received_at, sender_name, "
            + "sender_info, subject, core_request, attachment_list, department, assignee, status, first_response_due, "
            + "reply_due, completed_at, remarks, channel, category, urgent, overdue, at_risk, open_corrections, "
            + "open_disputes, version) FROM STDIN";

    record Stage(long targetEvents, long eventsInStore, long lettersLoaded, long eventsLoaded, double seconds,
                 String stoppedBecause, long databaseBytes) {
    }

    /** Serial numbers handed to loaded letters, per year: [first, last]. */
    final Map<Integer, long[]> loadedSerials = new LinkedHashMap<>();

    private final Config config;
    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final LetterViewJson viewJson = new LetterViewJson();
    private final Random random;
    private final LetterStreams streams;
    private final double meanGapSeconds;
    private Instant nextArrival;
    private final Instant start;
    private final Instant horizon;
    /** The other read models filled for loaded letters in the last stage. */
    List<String> derivedTables = List.of();
    long totalLetters;
    long totalEvents;
    double totalSeconds;

    /** A store made afresh by {@link #freshStore}: its loader (for samples), what was loaded, what was rewritten. */
    record FreshStore(StoreLoader loader, Stage stage, Compaction compaction) {

        String describe() {
            return String.format(java.util.Locale.ROOT, "%,d events, %,d letters loaded in %.0f min (%s; database "
                            + "%.1f GiB); closed months rewritten in letter order as the server's maintenance does "
                            + "(%d months)", stage.eventsInStore(), stage.lettersLoaded(), stage.seconds() / 60,
                    stage.stoppedBecause(), stage.databaseBytes() / (double) (1L << 30), compaction.months());
        }
    }

    /**
     * Drops and makes again the benchmark's database, lets the packaged server make its schema, bulk-loads it to
     * {@code targetEvents} within the loading budget and rewrites its closed months in letter order.
     */
    static FreshStore freshStore(Config config, long targetEvents, String label) throws Exception {
        try (Connection c = DriverManager.getConnection(config.adminJdbcUrl(), config.pgUser(), "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + config.database() + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + config.database());
        }
        Server migrating = Server.start(config, label + "-schema");
        migrating.stop();
        StoreLoader loader = new StoreLoader(config, targetEvents);
        Stage stage = loader.loadTo(targetEvents, Instant.now().plus(Duration.ofMinutes(config.loadMinutes())));
        Progress.log("store at %,d events (%,d letters loaded in %.0f s: %s)", stage.eventsInStore(),
                stage.lettersLoaded(), stage.seconds(), stage.stoppedBecause());
        Compaction compaction = loader.compactClosedMonths();
        Progress.log("closed months rewritten in letter order: %d months", compaction.months());
        return new FreshStore(loader, stage, compaction);
    }

    StoreLoader(Config config, long largestTarget) {
        this.config = config;
        this.random = new Random(config.seed());
        Instant now = Instant.now();
        this.horizon = now.minus(Duration.ofDays(1));
        this.start = now.minus(Duration.ofDays(3 * 365));
        this.nextArrival = start;
        // About 730 000 letters a year; faster if the largest size would not fit into three years otherwise.
        double realistic = 365.0 * 86400 / 730_000;
        double fitting = Duration.ofDays(3 * 365 - 75).toSeconds() / (largestTarget / 12.5);
        this.meanGapSeconds = Math.min(realistic, fitting);
        this.streams = new LetterStreams(random, horizon);
    }

    double lettersPerYear() {
        return 365.0 * 86400 / meanGapSeconds;
    }

    private record Chunk(byte[] events, byte[] views, byte[] register, byte[] ids, int eventCount) {
    }

    Stage loadTo(long targetEvents, Instant deadline) throws Exception {
        long started = System.nanoTime();
        Map<Integer, Long> serials = new HashMap<>();
        long existing;
        Path dataDir;
        try (Connection c = connect()) {
            existing = count(c, "SELECT count(*) FROM domain_event_entry");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT serial_year, last_no FROM register_serial")) {
                while (rs.next()) {
                    serials.put(rs.getInt(1), rs.getLong(2));
                }
            }
            dataDir = dataDirectory(c);
            // The month partitions of the whole timeline, made by the same SQL function as the server's.
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(letterdesk_create_event_partition(m::date))
                    FROM generate_series(?::date, ?::date, INTERVAL '1 month') m""")) {
                ps.setString(1, start.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).toString());
                ps.setString(2, horizon.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).toString());
                ps.executeQuery().close();
            }
            try (Statement st = c.createStatement()) {
                // The letters of this stage, so the derived read models are filled for them only.
                st.execute("CREATE UNLOGGED TABLE IF NOT EXISTS bench_stage_letters (letter_id VARCHAR(64))");
                st.execute("TRUNCATE bench_stage_letters");
            }
        }
        long need = targetEvents - existing;
        if (need <= 0) {
            return new Stage(targetEvents, existing, 0, 0, 0, "already at size", databaseBytes());
        }

        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2);
        AtomicReference<Exception> writerFailure = new AtomicReference<>();
        Chunk poison = new Chunk(null, null, null, null, 0);
        Thread writer = new Thread(() -> {
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk == poison) {
                        return;
                    }
                    copy.copyIn(EVENT_COPY, new ByteArrayInputStream(chunk.events()));
                    copy.copyIn(VIEW_COPY, new ByteArrayInputStream(chunk.views()));
                    copy.copyIn(REGISTER_COPY, new ByteArrayInputStream(chunk.register()));
                    copy.copyIn("COPY bench_stage_letters (letter_id) FROM STDIN", new ByteArrayInputStream(chunk.ids()));
                    c.commit();
                }
            } catch (Exception e) {
                writerFailure.set(e);
                queue.clear();
            }
        }, "loader-writer");
        writer.start();

        PriorityQueue<LetterStreams.Letter> inFlight = new PriorityQueue<>(
                (a, b) -> a.nextAt().compareTo(b.nextAt()));
        Map<String, LetterView> views = new HashMap<>();
        StringBuilder events = new StringBuilder(CHUNK_EVENTS * 1200);
        StringBuilder viewRows = new StringBuilder();
        StringBuilder registerRows = new StringBuilder();
        StringBuilder ids = new StringBuilder();
        int chunkEvents = 0;
        long emitted = 0;
        long letters = 0;
        boolean admitting = true;
        String stoppedBecause = "reached the target";
        long minFree = config.minFreeBytes() + (2L << 30);
        while (true) {
            if (admitting && (emitted >= need)) {
                admitting = false;
            }
            while (admitting && (inFlight.isEmpty() || !nextArrival.isAfter(inFlight.peek().nextAt()))) {
                int year = nextArrival.atZone(LetterStreams.ZONE).getYear();
                long no = serials.merge(year, 1L, Long::sum);
                loadedSerials.computeIfAbsent(year, y -> new long[]{no, no})[1] = no;
                LetterStreams.Letter letter = streams.plan(nextArrival, "%04d-%06d".formatted(year, no));
                inFlight.add(letter);
                views.put(letter.id, new LetterView());
                letters++;
                nextArrival = nextArrival.plusMillis((long) (-Math.log(1 - random.nextDouble()) * meanGapSeconds
                        * 1000));
                if (nextArrival.isAfter(horizon)) {
                    admitting = false;
                    stoppedBecause = "reached the end of the three-year timeline";
                }
            }
            LetterStreams.Letter letter = inFlight.poll();
            if (letter == null) {
                break;
            }
            int sequence = letter.next;
            LetterStreams.Planned event = letter.events.get(letter.next++);
            appendEvent(events, letter.id, sequence, event);
            LetterView view = views.get(letter.id);
            view.apply(event.payload(), new LetterView.EventContext(sequence, event.at(), event.user()));
            chunkEvents++;
            emitted++;
            if (letter.next < letter.events.size()) {
                inFlight.add(letter);
            } else {
                views.remove(letter.id);
                appendReadModels(viewRows, registerRows, view, event.at());
                ids.append(view.letterId).append('\n');
            }
            if (chunkEvents >= CHUNK_EVENTS) {
                put(queue, new Chunk(bytes(events), bytes(viewRows), bytes(registerRows), bytes(ids), chunkEvents),
                        writerFailure);
                events.setLength(0);
                viewRows.setLength(0);
                registerRows.setLength(0);
                ids.setLength(0);
                chunkEvents = 0;
                if (admitting && Instant.now().isAfter(deadline)) {
                    admitting = false;
                    stoppedBecause = "the loading time budget ran out";
                }
                if (admitting && Files.getFileStore(dataDir).getUsableSpace() < minFree) {
                    admitting = false;
                    stoppedBecause = "free disk space fell to the reserve";
                }
                if (emitted % 1_000_000 < CHUNK_EVENTS) {
                    System.out.printf("  loaded %,d of %,d events (%,d letters), %.0f events/s%n", emitted, need,
                            letters, emitted / ((System.nanoTime() - started) / 1e9));
                }
            }
        }
        if (chunkEvents > 0) {
            put(queue, new Chunk(bytes(events), bytes(viewRows), bytes(registerRows), bytes(ids), chunkEvents),
                    writerFailure);
        }
        put(queue, poison, writerFailure);
        writer.join();
        if (writerFailure.get() != null) {
            throw writerFailure.get();
        }
        long head;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO register_serial (serial_year, last_no) VALUES (?, ?)
                    ON CONFLICT (serial_year) DO UPDATE SET last_no = GREATEST(register_serial.last_no, EXCLUDED.last_no)
                    """)) {
                for (var e : serials.entrySet()) {
                    ps.setInt(1, e.getKey());
                    ps.setLong(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            head = count(c, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            // Every processor already "saw" everything up to the head, as in a store that has been in service: none
            // may replay the loaded events (the sender-file, spot-check and outbox processors did, in the
            // background of the measured runs, until the reads benchmark ran into it).
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE token_entry SET token = convert_to(?, 'UTF8'),
                        token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken', owner = NULL""")) {
                ps.setString(1, "{\"index\":" + head + ",\"gaps\":[]}");
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            derivedTables = DerivedReadModels.fill(c, "bench_stage_letters");
            try (Statement st = c.createStatement()) {
                // Read models that have been in service are vacuumed by autovacuum (also after inserts only), which
                // marks their pages all-visible for index-only scans; freshly bulk-loaded ones are not yet, and a
                // machine may run with autovacuum off.
                for (String table : loadedReadModels()) {
                    st.execute("VACUUM (ANALYZE) " + table);
                }
                st.execute("ANALYZE");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        totalLetters += letters;
        totalEvents += emitted;
        totalSeconds += seconds;
        return new Stage(targetEvents, existing + emitted, letters, emitted, seconds, stoppedBecause,
                databaseBytes());
    }

    record Compaction(int months, long events, double seconds) {
    }

    /**
     * Rewrites the loaded months that the server's maintenance would have rewritten (not yet rewritten, ended 90 days
     * or more before now and before the loader's own "now", the arrival time of its next letter: the loader fills the
     * three years in order, so a later month is not complete yet) in letter order, with the SQL function the server's
     * maintenance calls.
     */
    Compaction compactClosedMonths() throws Exception {
        long started = System.nanoTime();
        int months = 0;
        long events = 0;
        try (Connection c = connect()) {
            Map<String, String> due = new LinkedHashMap<>(); // month → partition
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT month::text, partition_name FROM event_store_partition
                    WHERE compacted_at IS NULL AND month + INTERVAL '1 month' <= least(now(), ?) - INTERVAL '90 days'
                    ORDER BY month""")) {
                ps.setObject(1, nextArrival.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (var month : due.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT letterdesk_compact_event_partition(?::date)")) {
                    ps.setString(1, month.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        events += rs.getLong(1);
                        months++;
                    }
                }
                // As the server's maintenance does after each rewrite (EventStorePartitions.compact).
                try (Statement vacuum = c.createStatement()) {
                    vacuum.execute("VACUUM (FREEZE) \"" + month.getValue() + "\"");
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE domain_event_entry");
            }
        }
        return new Compaction(months, events, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The read models this loader writes that the reads find through their indexes: the register and those derived
     * from the letters (not the letter views, read by key and then from the table anyway).
     */
    private List<String> loadedReadModels() {
        List<String> tables = new ArrayList<>(List.of("register_entry"));
        tables.addAll(derivedTables);
        return tables;
    }

    long databaseBytes() throws Exception {
        return databaseBytes(config);
    }

    /** The events in the benchmark's database, or -1 when it or its schema does not exist yet. */
    static long eventsInStore(Config config) {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), "")) {
            return count(c, "SELECT count(*) FROM domain_event_entry");
        } catch (Exception e) {
            return -1;
        }
    }

    /** The size of the benchmark's database in bytes. */
    static long databaseBytes(Config config) throws Exception {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), "")) {
            return count(c, "SELECT pg_database_size(current_database())");
        }
    }

    private static void put(BlockingQueue<Chunk> queue, Chunk chunk, AtomicReference<Exception> failure)
            throws Exception {
        while (!queue.offer(chunk, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (failure.get() != null) {
                throw failure.get();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void appendEvent(StringBuilder b, String letterId, int sequence, LetterStreams.Planned event) {
        SerializedObject<String> payload = serializer.serialize(event.payload(), String.class);
        Map<String, Object> meta = new HashMap<>();
        meta.put(EventMetaData.USER, event.user());
        meta.put(EventMetaData.ROLE, event.role());
        meta.put(EventMetaData.CORRELATION_ID, event.correlationId());
        if (!EventMetaData.SYSTEM_USER.equals(event.user())) {
            meta.put(EventMetaData.TRACE_ID, event.correlationId());
        }
        SerializedObject<String> metaData = serializer.serialize(MetaData.from(meta), String.class);
        field(b, streams.uuid().toString()).append('\t');
        field(b, letterId).append('\t');
        b.append(sequence).append('\t');
        b.append("Letter").append('\t');
        field(b, DateTimeUtils.formatInstant(event.at())).append('\t');
        field(b, payload.getType().getName()).append('\t');
        field(b, payload.getType().getRevision()).append('\t');
        field(b, payload.getData()).append('\t');
        field(b, metaData.getData()).append('\n');
    }

    private void appendReadModels(StringBuilder views, StringBuilder register, LetterView view, Instant updatedAt) {
        field(views, view.letterId).append('\t').append(view.version).append('\t');
        field(views, viewJson.write(view)).append('\t');
        field(views, updatedAt.toString()).append('\n');
        RegisterEntry e = RegisterEntry.of(view);
        field(register, e.getLetterId()).append('\t');
        field(register, e.getSerialNo()).append('\t');
        field(register, str(e.getReceivedAt())).append('\t');
        field(register, e.getSenderName()).append('\t');
        field(register, e.getSenderInfo()).append('\t');
        field(register, e.getSubject()).append('\t');
        field(register, e.getCoreRequest()).append('\t');
        field(register, e.getAttachmentList()).append('\t');
        field(register, str(e.getDepartment())).append('\t');
        field(register, e.getAssignee()).append('\t');
        field(register, str(e.getStatus())).append('\t');
        field(register, str(e.getFirstResponseDue())).append('\t');
        field(register, str(e.getReplyDue())).append('\t');
        field(register, str(e.getCompletedAt())).append('\t');
        field(register, e.getRemarks()).append('\t');
        field(register, str(e.getChannel())).append('\t');
        field(register, str(e.getCategory())).append('\t');
        register.append(e.isUrgent()).append('\t').append(e.isOverdue()).append('\t').append(e.isAtRisk())
                .append('\t').append(e.getOpenCorrections()).append('\t').append(e.getOpenDisputes()).append('\t')
                .append(e.getVersion()).append('\n');
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** A value in COPY's text format. */
    private static StringBuilder field(StringBuilder b, String value) {
        if (value == null) {
            return b.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }

    private static byte[] bytes(StringBuilder b) {
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A LetterReceived serialized as the server stores it: the size of the raw baseline's row. */
    String serializedLetterReceived() {
        LetterStreams.Letter letter = new LetterStreams(new Random(1), horizon).plan(Instant.now().minusSeconds(3600),
                "2026-000001");
        Object payload = letter.events.stream().map(LetterStreams.Planned::payload)
                .filter(p -> p instanceof LetterReceived).findFirst().orElseThrow();
        return serializer.serialize(payload, String.class).getData();
    }

    /** Random loaded letters: id, an instant in the middle of its life. */
    record SampledLetter(String letterId, Instant asOf) {
    }

    List<SampledLetter> sample(int n, Random r) throws Exception {
        List<long[]> ranges = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        long total = 0;
        for (var e : loadedSerials.entrySet()) {
            years.add(e.getKey());
            ranges.add(e.getValue());
            total += e.getValue()[1] - e.getValue()[0] + 1;
        }
        List<String> serialNos = new ArrayList<>();
        for (int i = 0; i < n * 2 && total > 0; i++) {
            long pick = (long) (r.nextDouble() * total);
            for (int y = 0; y < ranges.size(); y++) {
                long size = ranges.get(y)[1] - ranges.get(y)[0] + 1;
                if (pick < size) {
                    serialNos.add("%04d-%06d".formatted(years.get(y), ranges.get(y)[0] + pick));
                    break;
                }
                pick -= size;
            }
        }
        List<SampledLetter> result = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT r.letter_id, v.document->>'createdAt', v.updated_at
                FROM register_entry r JOIN letter_view v USING (letter_id) WHERE r.serial_no = ANY (?)""")) {
            ps.setArray(1, c.createArrayOf("varchar", serialNos.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && result.size() < n) {
                    Instant created = parseInstant(rs.getString(2));
                    Instant updated = rs.getTimestamp(3).toInstant();
                    Instant mid = created.plusMillis(Duration.between(created, updated).toMillis() / 2);
                    result.add(new SampledLetter(rs.getString(1), mid));
                }
            }
        }
        java.util.Collections.shuffle(result, r);
        return result;
    }

    private static Instant parseInstant(String s) {
        if (s.matches("[0-9.]+")) {
            double seconds = Double.parseDouble(s);
            return Instant.ofEpochSecond((long) seconds, (long) ((seconds % 1) * 1e9));
        }
        return Instant.parse(s);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(config.jdbcUrl(), config.pgUser(), "");
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path dataDirectory(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            Path p = Path.of(rs.getString(1));
            if (Files.exists(p)) {
                return p;
            }
        } catch (Exception e) {
            // not a superuser, or a remote server: fall back to this machine's root file system
        }
        return Path.of("/");
    }
}
