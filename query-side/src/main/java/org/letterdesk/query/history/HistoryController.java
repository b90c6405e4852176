package org.letterdesk.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.query.QueryParameters;
import org.letterdesk.query.QuerySideConfiguration;
import org.letterdesk.query.letter.LetterView;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "A letter's full history, its timeline, and its state at any past instant")
class HistoryController {

    private final LetterHistory history;
    private final LetterTimeline timeline;
    private final ZoneId zone;

    HistoryController(LetterHistory history, LetterTimeline timeline,
                      ZoneId zone) {
        this.history = history;
        this.timeline = timeline;
        this.zone = zone;
    }

    @GetMapping("/{id}/timeline")
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "The letter's events for its page: who, when and a summary, without personal data"
            + " (any staff role)")
    List<LetterTimeline.Entry> timeline(@PathVariable UUID id) {
        List<LetterTimeline.Entry> entries = timeline.entries(id.toString());
        if (entries.isEmpty()) {
            throw notFound(id.toString(), "No letter " + id);
        }
        return entries;
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('AUDITOR','SUPERVISOR')")
    @Operation(summary = "Every event of the letter in order, from the event store (AUDITOR, SUPERVISOR)")
    List<LetterHistory.Entry> history(@PathVariable UUID id) {
        List<LetterHistory.Entry> entries = history.entries(id.toString());
        if (entries.isEmpty()) {
            throw notFound(id.toString(), "No letter " + id);
        }
        return entries;
    }

    @GetMapping("/{id}/state")
    @PreAuthorize("hasAnyRole('AUDITOR','SUPERVISOR')")
    @Operation(summary = "The letter's view as it was at asOf, folded from its events (AUDITOR, SUPERVISOR)")
    LetterView state(@PathVariable UUID id,
                     @Parameter(description = "an RFC 3339 date-time with offset; its year in the letter zone must"
                             + " be 0001–9999") @RequestParam OffsetDateTime asOf) {
        Instant instant = QueryParameters.requireWritable("asOf", asOf.toInstant(), zone);
        return history.stateAsOf(id.toString(), instant)
                .orElseThrow(() -> notFound(id.toString(), "Letter " + id + " did not exist at " + asOf));
    }

    private static LetterdeskProblem notFound(String letterId, String detail) {
        return new LetterdeskProblem(ProblemCode.LETTER_NOT_FOUND, detail, Map.of("letterId", letterId));
    }
}
