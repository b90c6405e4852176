package org.letterdesk.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Replays the read models from the event store: stop the streaming processor, reset its tokens (which calls the
 * projections' reset handlers, emptying their tables), start it again. It then catches up on its own; progress
 * is its position against the head of the store.
 */
@Component
public class ReadModelRebuild {

    /** The streaming processors whose read models a rebuild replays. */
    static final List<String> PROCESSORS = List.of("letters");

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private volatile Instant lastStarted;

    ReadModelRebuild(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    public record ProcessorProgress(String processor, long position, long head, long behind, boolean replaying) {
    }

    public record Progress(Instant startedAt, boolean caughtUp, List<ProcessorProgress> processors) {
    }

    public synchronized Progress start() {
        for (String name : PROCESSORS) {
            StreamingEventProcessor processor = processor(name);
            processor.shutDown();
            if (!processor.supportsReset()) {
                throw new LetterdeskProblem(ProblemCode.INVALID_TRANSITION, "Processor " + name + " cannot reset");
            }
            processor.resetTokens();
            processor.start();
        }
        lastStarted = Instant.now();
        return progress();
    }

    public Progress progress() {
        long head = headPosition();
        List<ProcessorProgress> processors = PROCESSORS.stream().map(name -> {
            StreamingEventProcessor processor = processor(name);
            long position = position(name);
            boolean replaying = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying);
            return new ProcessorProgress(name, position, head, Math.max(0, head - position), replaying);
        }).toList();
        // A replay token stays "replaying" until an event newer than the reset arrives; position is what counts.
        boolean caughtUp = processors.stream().allMatch(p -> p.behind() == 0);
        return new Progress(lastStarted, caughtUp, processors);
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
