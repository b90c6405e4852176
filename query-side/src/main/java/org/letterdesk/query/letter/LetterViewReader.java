package org.letterdesk.query.letter;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a letter's stored view, waiting briefly (bounded) where a client must read its own write: the projection
 * is eventually consistent, a few milliseconds behind the command side.
 */
@Component
public class LetterViewReader {

    private final StoredLetterViews views;
    private final LetterViewJson json;
    private final EventStore eventStore;
    private final Duration maxWait;

    LetterViewReader(StoredLetterViews views, LetterViewJson json, EventStore eventStore,
                     @Value("${letterdesk.query.min-version-wait:PT5S}") Duration maxWait) {
        this.views = views;
        this.json = json;
        this.eventStore = eventStore;
        this.maxWait = maxWait;
    }

    /** The view as stored now. */
    public LetterView current(String letterId) {
        return find(letterId).orElseThrow(() -> notFound(letterId));
    }

    public Optional<LetterView> find(String letterId) {
        return views.findById(letterId).map(s -> json.read(s.document()));
    }

    /**
     * The view at {@code minVersion} or later. A version the letter never reached is the client's error, not a
     * wait.
     */
    public LetterView atLeast(String letterId, long minVersion) {
        Optional<StoredLetterView> stored = views.findById(letterId).filter(view -> view.version() >= minVersion);
        if (stored.isPresent()) {
            return json.read(stored.get().document());
        }
        long last = eventStore.lastSequenceNumberFor(letterId).orElseThrow(() -> notFound(letterId));
        if (minVersion > last) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "Letter " + letterId + " has no version "
                    + minVersion, Map.of("letterId", letterId, "errors",
                    List.of(Map.of("field", "minVersion", "message", "is above the letter's version"))));
        }
        return await(letterId, minVersion);
    }

    /** The view with every event the letter had when asked: for a read right after a command. */
    public LetterView caughtUp(String letterId) {
        Optional<StoredLetterView> stored = views.findById(letterId);
        long last = eventStore.lastSequenceNumberFor(letterId).orElseThrow(() -> notFound(letterId));
        if (stored.map(StoredLetterView::version).orElse(-1L) >= last) {
            return json.read(stored.get().document());
        }
        return await(letterId, last);
    }

    private LetterView await(String letterId, long minVersion) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Optional<StoredLetterView> view = views.findById(letterId);
                if (view.isPresent() && view.get().version() >= minVersion) {
                    return json.read(view.get().document());
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new LetterdeskProblem(ProblemCode.PROJECTION_NOT_CAUGHT_UP, "The read model has not reached version "
                + minVersion + " of letter " + letterId + " yet; retry shortly", Map.of("letterId", letterId));
    }

    static LetterdeskProblem notFound(String letterId) {
        return new LetterdeskProblem(ProblemCode.LETTER_NOT_FOUND, "No letter " + letterId,
                Map.of("letterId", letterId));
    }
}
