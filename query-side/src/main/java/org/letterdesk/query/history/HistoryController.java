package org.letterdesk.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.query.letter.LetterView;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "A letter's full history and its state at any past instant")
class HistoryController {

    private final LetterHistory history;

    HistoryController(LetterHistory history) {
        this.history = history;
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
    LetterView state(@PathVariable UUID id, @RequestParam OffsetDateTime asOf) {
        return history.stateAsOf(id.toString(), asOf.toInstant())
                .orElseThrow(() -> notFound(id.toString(), "Letter " + id + " did not exist at " + asOf));
    }

    private static LetterdeskProblem notFound(String letterId, String detail) {
        return new LetterdeskProblem(ProblemCode.LETTER_NOT_FOUND, detail, Map.of("letterId", letterId));
    }
}
