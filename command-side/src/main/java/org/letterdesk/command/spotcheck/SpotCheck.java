package org.letterdesk.command.spotcheck;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.letterdesk.command.spotcheck.SpotCheckCommands.DrawSpotCheck;
import org.letterdesk.command.spotcheck.SpotCheckCommands.LinkSpotCheckCorrection;
import org.letterdesk.command.spotcheck.SpotCheckCommands.RecordSpotCheckResult;
import org.letterdesk.events.SpotCheckCompleted;
import org.letterdesk.events.SpotCheckCorrectionLinked;
import org.letterdesk.events.SpotCheckDrawn;
import org.letterdesk.events.SpotCheckResult;
import org.letterdesk.events.SpotCheckResultRecorded;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A month's spot check (内部抽查), a small aggregate of its own: drawn once (by a supervisor, or by the system on
 * the next month's first working day), then a result per sampled letter; an ERROR needs a correction found by
 * INTERNAL_SPOT_CHECK, issued after the draw, before the spot check is complete.
 */
@Aggregate
public class SpotCheck {

    @AggregateIdentifier
    private String spotCheckId;
    private String month;
    private Instant drawnAt;
    /** The sampled letters in draw order, with their result (null until checked). */
    private final Map<String, SpotCheckResult> results = new LinkedHashMap<>();
    /** The linked correction of each sampled letter that has one. */
    private final Map<String, Integer> corrections = new HashMap<>();
    private boolean complete;

    protected SpotCheck() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<String> handle(DrawSpotCheck cmd) {
        if (month != null) {
            throw new LetterdeskProblem(ProblemCode.SPOT_CHECK_DRAWN, "The spot check of " + month
                    + " was drawn at " + drawnAt, Map.of("month", month));
        }
        if (cmd.sampleSize() < 0) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "The sample size must not be negative",
                    Map.of("errors", List.of(Map.of("field", "sampleSize", "message", "must not be negative"))));
        }
        List<String> drawn = SampleDraw.draw(cmd.candidates(), cmd.sampleSize(), cmd.seed());
        String m = cmd.month().toString();
        apply(new SpotCheckDrawn(cmd.spotCheckId(), m, cmd.seed(), cmd.sampleSize(),
                (int) cmd.candidates().stream().distinct().count(), SampleDraw.populationDigest(cmd.candidates()),
                drawn, cmd.automatic(), cmd.now()));
        completeIfDone(cmd.now());
        return drawn;
    }

    /** Answers whether the spot check is complete now. */
    @CommandHandler
    public boolean handle(RecordSpotCheckResult cmd) {
        if (!results.containsKey(cmd.letterId())) {
            throw new LetterdeskProblem(ProblemCode.NOT_IN_SAMPLE, "Letter " + cmd.letterId()
                    + " is not in the spot-check sample of " + month, Map.of("month", month));
        }
        if (complete) {
            throw new LetterdeskProblem(ProblemCode.INVALID_TRANSITION, "The spot check of " + month
                    + " is complete", Map.of("month", month));
        }
        apply(new SpotCheckResultRecorded(spotCheckId, month, cmd.letterId(), cmd.result(), cmd.note(),
                cmd.recordedBy(), cmd.now()));
        completeIfDone(cmd.now());
        return complete;
    }

    /**
     * Links the first correction of a sampled letter issued after the draw; any other (not sampled, issued
     * before the draw, a second one) changes nothing: the caller reports every spot-check correction.
     */
    @CommandHandler
    public void handle(LinkSpotCheckCorrection cmd) {
        if (!results.containsKey(cmd.letterId()) || corrections.containsKey(cmd.letterId())
                || cmd.issuedAt().isBefore(drawnAt)) {
            return;
        }
        apply(new SpotCheckCorrectionLinked(spotCheckId, month, cmd.letterId(), cmd.correctionNo(),
                cmd.issuedAt()));
        completeIfDone(cmd.now());
    }

    private void completeIfDone(Instant now) {
        if (complete || results.containsValue(null)) {
            return;
        }
        boolean errorsCorrected = results.entrySet().stream()
                .filter(e -> e.getValue() == SpotCheckResult.ERROR)
                .allMatch(e -> corrections.containsKey(e.getKey()));
        if (errorsCorrected) {
            int errors = (int) results.values().stream().filter(r -> r == SpotCheckResult.ERROR).count();
            apply(new SpotCheckCompleted(spotCheckId, month, results.size(), errors, now));
        }
    }

    @EventSourcingHandler
    void on(SpotCheckDrawn e) {
        spotCheckId = e.spotCheckId();
        month = e.month();
        drawnAt = e.drawnAt();
        e.letters().forEach(letter -> results.put(letter, null));
    }

    @EventSourcingHandler
    void on(SpotCheckResultRecorded e) {
        results.put(e.letterId(), e.result());
    }

    @EventSourcingHandler
    void on(SpotCheckCorrectionLinked e) {
        corrections.put(e.letterId(), e.correctionNo());
    }

    @EventSourcingHandler
    void on(SpotCheckCompleted e) {
        complete = true;
    }
}
