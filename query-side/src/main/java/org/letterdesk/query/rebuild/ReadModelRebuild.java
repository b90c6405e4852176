package org.letterdesk.query.rebuild;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.query.letter.LetterProjection;
import org.letterdesk.query.sender.SenderFileProjection;
import org.letterdesk.query.spotcheck.SpotCheckProjection;
import org.letterdesk.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Other nodes running the query side must be stopped during a rebuild (docs/operations.md): they would claim the
 * processor's segments and project into the tables the replay is filling.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    /** The streaming processors whose read models a rebuild replays. */
    static final List<String> PROCESSORS = List.of(LetterProjection.GROUP, SenderFileProjection.GROUP,
            SpotCheckProjection.GROUP);
    /** Processors with small read models that simply replay from the start through Axon (no bulk replay). */
    static final List<String> PLAIN_REPLAYS = List.of(SenderFileProjection.GROUP, SpotCheckProjection.GROUP);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final BulkReplay bulkReplay;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastStarted;
    /** Events the running bulk replay has read so far; null when none runs. */
    private volatile Long bulkPosition;
    private volatile boolean stopping;
    private volatile BulkReplayOutcome lastBulkReplay;

    ReadModelRebuild(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                     BulkReplay bulkReplay) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.bulkReplay = bulkReplay;
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

    public record Progress(Instant startedAt, boolean caughtUp, List<ProcessorProgress> processors,
                           BulkReplayOutcome lastBulkReplay) {
    }

    /** Starts a rebuild; while one is in its bulk replay, answers that one's progress instead of starting over. */
    public synchronized Progress start() {
        if (bulkPosition != null) {
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
                other.start();
            }
        }
        lastStarted = Instant.now();
        bulkPosition = -1L;
        background.execute(() -> replayThenStart(name, processor));
        return progress();
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
                transactions.executeInTransaction(() -> {
                    for (Segment segment : segments) {
                        tokens.fetchToken(name, segment.getSegmentId()); // claims it, so it may be stored
                        tokens.storeToken(last, name, segment.getSegmentId());
                        tokens.releaseClaim(name, segment.getSegmentId());
                    }
                });
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
    }

    public Progress progress() {
        long head = headPosition();
        Long bulk = bulkPosition;
        List<ProcessorProgress> processors = PROCESSORS.stream().map(name -> {
            StreamingEventProcessor processor = processor(name);
            long position = bulk != null ? bulk : position(name);
            boolean replaying = bulk != null
                    || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying);
            // While the bulk replay writes what it has read, the read models are behind even at the head.
            long behind = Math.max(bulk != null ? 1 : 0, head - position);
            return new ProcessorProgress(name, position, head, behind, replaying);
        }).toList();
        // A replay token stays "replaying" until an event newer than the reset arrives; position is what counts.
        boolean caughtUp = bulk == null && processors.stream().allMatch(p -> p.behind() == 0);
        return new Progress(lastStarted, caughtUp, processors, lastBulkReplay);
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
