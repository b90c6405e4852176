package org.letterdesk.query.rebuild;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.query.letter.LetterProjection;
import org.letterdesk.query.sender.SenderFileProjection;
import org.letterdesk.query.spotcheck.SpotCheckProjection;
import org.letterdesk.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Replays the read models from the event store: stop the streaming processor and reset its tokens (which calls the
 * projections' reset handlers, emptying their tables); then, in the background, replay the store in bulk
 * ({@link BulkReplay}), hand the processor a token at the head the bulk replay read up to, and start it again. It
 * catches up on the rest on its own. Progress is the number of events the bulk replay has read (it reads letter by
 * letter, so no global position marks its way), then the processor's position, against the head of the store.
 * <p>
 * The processors with small read models ({@link #PLAIN_REPLAYS}) are reset too and, side by side with the bulk
 * replay, rebuilt by one read of only the events their handlers take ({@link SelectiveReplay}), then started at the
 * head it read up to. With upcasters configured (a stored type might then become another) they replay through
 * Axon from the start instead, as does a processor whose selective replay failed (its tables emptied again first).
 * <p>
 * Other nodes running the query side must be stopped during a rebuild (docs/operations.md): they would claim the
 * processor's segments and project into the tables the replay is filling.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    /** The streaming processors whose read models a rebuild replays. */
    static final List<String> PROCESSORS = List.of(LetterProjection.GROUP, SenderFileProjection.GROUP,
            SpotCheckProjection.GROUP);
    /**
     * Processors with small read models, rebuilt by the selective replay instead of the bulk replay (with upcasters
     * configured, by a replay of their own from the start through Axon).
     */
    static final List<String> PLAIN_REPLAYS = List.of(SenderFileProjection.GROUP, SpotCheckProjection.GROUP);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final BulkReplay bulkReplay;
    private final SelectiveReplay selectiveReplay;
    private final boolean upcasters;
    private final ExecutorService background = daemonThread("read-model-rebuild");
    private final ExecutorService selectiveBackground = daemonThread("read-model-rebuild-selective");
    private volatile Instant lastStarted;
    /** Events the running bulk replay has read so far; null when none runs. */
    private volatile Long bulkPosition;
    /** The global position the running selective replay has read up to; null when none runs. */
    private volatile Long selectivePosition;
    private volatile boolean stopping;
    private volatile BulkReplayOutcome lastBulkReplay;
    private volatile SelectiveReplayOutcome lastSelectiveReplay;

    ReadModelRebuild(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                     BulkReplay bulkReplay, SelectiveReplay selectiveReplay, ObjectProvider<EventUpcaster> upcasters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.bulkReplay = bulkReplay;
        this.selectiveReplay = selectiveReplay;
        this.upcasters = upcasters.stream().findAny().isPresent();
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public record ProcessorProgress(String processor, long position, long head, long behind, boolean replaying) {
    }

    /**
     * The last bulk replay: up to which position it read, how many events and letter writes (one per letter) that
     * took, how long; or why it failed, in which case the processor replayed from the start instead.
     */
    public record BulkReplayOutcome(Instant finishedAt, long readUpTo, long events, long letterWrites, long millis,
                                    String failure) {
    }

    /**
     * The last selective replay of the processors with small read models: up to which position it read, how many
     * events of their types that was, how long; or why it failed, in which case they replayed from the start.
     */
    public record SelectiveReplayOutcome(Instant finishedAt, List<String> processors, long readUpTo, long events,
                                         long millis, String failure) {
    }

    public record Progress(Instant startedAt, boolean caughtUp, List<ProcessorProgress> processors,
                           BulkReplayOutcome lastBulkReplay, SelectiveReplayOutcome lastSelectiveReplay) {
    }

    /**
     * Starts a rebuild; while one is in its bulk or selective replay, answers that one's progress instead of
     * starting over.
     */
    public synchronized Progress start() {
        if (bulkPosition != null || selectivePosition != null) {
            return progress();
        }
        String name = LetterProjection.GROUP;
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new LetterdeskProblem(ProblemCode.INVALID_TRANSITION, "Processor " + name + " cannot reset");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            processor.start();
            throw e;
        }
        for (String plain : PLAIN_REPLAYS) {
            StreamingEventProcessor other = processor(plain);
            other.shutDown();
            try {
                other.resetTokens();
            } finally {
                if (upcasters) {
                    other.start();
                }
            }
        }
        lastStarted = Instant.now();
        bulkPosition = -1L;
        if (!upcasters) {
            selectivePosition = -1L;
            selectiveBackground.execute(this::replaySelectivelyThenStart);
        }
        background.execute(() -> replayThenStart(name, processor));
        return progress();
    }

    private void replaySelectivelyThenStart() {
        long started = System.nanoTime();
        try {
            List<SelectiveReplay.Target> targets = PLAIN_REPLAYS.stream().map(name -> new SelectiveReplay.Target(
                    name, ((AbstractEventProcessor) processor(name)).eventHandlerInvoker(),
                    processing.transactionManager(name))).toList();
            SelectiveReplay.Result result = selectiveReplay.replay(targets, read -> selectivePosition = read,
                    () -> stopping);
            if (result == null) {
                return; // shutting down: the tokens still point at the start
            }
            if (result.last() != null) {
                for (String name : PLAIN_REPLAYS) {
                    storeToken(name, result.last());
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            long readUpTo = result.last() == null ? -1 : result.last().position().orElse(-1);
            lastSelectiveReplay = new SelectiveReplayOutcome(Instant.now(), PLAIN_REPLAYS, readUpTo, result.events(),
                    millis, null);
            log.info("Selective replay of {}: {} events of their types up to position {}, {} ms; they go on from "
                    + "there", PLAIN_REPLAYS, result.events(), readUpTo, millis);
        } catch (RuntimeException | Error e) {
            log.warn("Selective replay of {} failed; they replay from the start instead", PLAIN_REPLAYS, e);
            lastSelectiveReplay = new SelectiveReplayOutcome(Instant.now(), PLAIN_REPLAYS, -1, 0,
                    (System.nanoTime() - started) / 1_000_000, e.getClass().getSimpleName());
            for (String name : PLAIN_REPLAYS) {
                processor(name).resetTokens(); // empties what the failed replay wrote
            }
        } finally {
            selectivePosition = null;
            if (!stopping) {
                PLAIN_REPLAYS.forEach(name -> processor(name).start());
            }
        }
    }

    /** Sets every segment of the processor (shut down) to the token, so it goes on from there when started. */
    private void storeToken(String name, TrackingToken token) {
        TokenStore tokens = processing.tokenStore(name);
        Segment[] segments = Segment.computeSegments(tokens.fetchSegments(name));
        processing.transactionManager(name).executeInTransaction(() -> {
            for (Segment segment : segments) {
                tokens.fetchToken(name, segment.getSegmentId()); // claims it, so it may be stored
                tokens.storeToken(token, name, segment.getSegmentId());
                tokens.releaseClaim(name, segment.getSegmentId());
            }
        });
    }

    private void replayThenStart(String name, StreamingEventProcessor processor) {
        long started = System.nanoTime();
        try {
            TokenStore tokens = processing.tokenStore(name);
            TransactionManager transactions = processing.transactionManager(name);
            Segment[] segments = Segment.computeSegments(tokens.fetchSegments(name));
            BulkReplay.Result result = bulkReplay.replay(
                    new BulkReplay.Target(transactions, processing.sequencingPolicy(name), segments),
                    read -> bulkPosition = read, () -> stopping);
            TrackingToken last = result == null ? null : result.last();
            if (last != null) {
                storeToken(name, last);
            }
            if (result != null) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                long readUpTo = last == null ? -1 : last.position().orElse(-1);
                lastBulkReplay = new BulkReplayOutcome(Instant.now(), readUpTo, result.events(),
                        result.letterWrites(), millis, null);
                log.info("Bulk replay of {}: {} events up to position {}, {} letter writes, {} ms; the processor "
                        + "goes on from there", name, result.events(), readUpTo, result.letterWrites(), millis);
            }
        } catch (RuntimeException | Error e) {
            // The tokens still point at the start: the processor replays everything, skipping what was written.
            log.warn("Bulk replay of {} failed; the processor replays from the start instead", name, e);
            lastBulkReplay = new BulkReplayOutcome(Instant.now(), -1, 0, 0,
                    (System.nanoTime() - started) / 1_000_000, e.getClass().getSimpleName());
        } finally {
            bulkPosition = null;
            if (!stopping) {
                processor.start();
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        background.shutdownNow();
        selectiveBackground.shutdownNow();
    }

    public Progress progress() {
        long head = headPosition();
        Long bulk = bulkPosition;
        Long selective = selectivePosition;
        List<ProcessorProgress> processors = PROCESSORS.stream().map(name -> {
            StreamingEventProcessor processor = processor(name);
            // The bulk replay's events read; the selective replay's global position read up to.
            Long replay = PLAIN_REPLAYS.contains(name) ? selective : bulk;
            long position = replay != null ? replay : position(name);
            boolean replaying = replay != null
                    || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying);
            // While a replay writes what it has read, the read models are behind even at the head.
            long behind = Math.max(replay != null ? 1 : 0, head - position);
            return new ProcessorProgress(name, position, head, behind, replaying);
        }).toList();
        // A replay token stays "replaying" until an event newer than the reset arrives; position is what counts.
        boolean caughtUp = bulk == null && selective == null && processors.stream().allMatch(p -> p.behind() == 0);
        return new Progress(lastStarted, caughtUp, processors, lastBulkReplay, lastSelectiveReplay);
    }

    /** Events in the store not yet handled by the processor (its slowest segment). */
    public long lag(String name) {
        return Math.max(0, headPosition() - position(name));
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /**
     * The slowest segment's committed position, read from the token store: a token is committed in the same
     * transaction as the read-model rows of its batch, so at this position the tables are complete. (The
     * processor's in-memory status can still show the position from before a reset.)
     */
    private long position(String processorName) {
        List<Long> positions = jdbc.queryForList("""
                SELECT coalesce((t->'currentToken'->>'index')::bigint,
                                CASE WHEN t->'tokenAtReset' IS NOT NULL THEN -1 ELSE (t->>'index')::bigint END, -1)
                FROM (SELECT convert_from(token, 'UTF8')::jsonb AS t FROM token_entry
                      WHERE processor_name = ? AND token IS NOT NULL) tokens""", Long.class, processorName);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }
}
