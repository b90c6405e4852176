package org.letterdesk.query.letter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.query.QuerySideConfiguration;
import org.letterdesk.query.history.LetterHistory;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Letters", description = "The current view of a letter (eventually consistent)")
class LetterQueryController {

    private final StoredLetterViews views;
    private final LetterViewJson json;
    private final LetterHistory history;
    private final Duration maxWait;

    LetterQueryController(StoredLetterViews views, LetterViewJson json, LetterHistory history,
                          @Value("${letterdesk.query.min-version-wait:PT5S}") Duration maxWait) {
        this.views = views;
        this.json = json;
        this.history = history;
        this.maxWait = maxWait;
    }

    @GetMapping("/{id}")
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "The letter's current view (staff). With minVersion, waits up to 5 s for that version")
    ResponseEntity<LetterView> letter(@PathVariable UUID id, @RequestParam(required = false) Long minVersion)
            throws InterruptedException {
        String letterId = id.toString();
        Optional<StoredLetterView> stored = views.findById(letterId);
        if (minVersion != null && stored.map(StoredLetterView::version).orElse(-1L) < minVersion) {
            stored = awaitVersion(letterId, minVersion);
        }
        LetterView view = stored.map(s -> json.read(s.document()))
                .orElseThrow(() -> notFound(letterId));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, "\"" + view.version + "\"").body(view);
    }

    /** Read-your-writes: polls briefly; a version the letter never reached is the client's error, not a wait. */
    private Optional<StoredLetterView> awaitVersion(String letterId, long minVersion) throws InterruptedException {
        long stored = history.lastSequence(letterId).orElseThrow(() -> notFound(letterId));
        if (minVersion > stored) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "Letter " + letterId + " has no version "
                    + minVersion, Map.of("letterId", letterId, "errors",
                    java.util.List.of(Map.of("field", "minVersion", "message", "is above the letter's version"))));
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StoredLetterView> view = views.findById(letterId);
            if (view.isPresent() && view.get().version() >= minVersion) {
                return view;
            }
            Thread.sleep(20);
        }
        throw new LetterdeskProblem(ProblemCode.PROJECTION_NOT_CAUGHT_UP, "The read model has not reached version "
                + minVersion + " of letter " + letterId + " yet; retry shortly", Map.of("letterId", letterId));
    }

    private static LetterdeskProblem notFound(String letterId) {
        return new LetterdeskProblem(ProblemCode.LETTER_NOT_FOUND, "No letter " + letterId,
                Map.of("letterId", letterId));
    }
}
