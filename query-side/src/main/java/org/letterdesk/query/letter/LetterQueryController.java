package org.letterdesk.query.letter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.query.QuerySideConfiguration;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Letters", description = "The current view of a letter (eventually consistent)")
class LetterQueryController {

    private final LetterViewReader views;

    LetterQueryController(LetterViewReader views) {
        this.views = views;
    }

    @GetMapping("/{id}")
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "The letter's current view (staff). With minVersion, waits up to 5 s for that version")
    ResponseEntity<LetterView> letter(@PathVariable UUID id, @RequestParam(required = false) @Min(0) Long minVersion) {
        String letterId = id.toString();
        LetterView view = minVersion == null ? views.current(letterId) : views.atLeast(letterId, minVersion);
        return ResponseEntity.ok().header(HttpHeaders.ETAG, "\"" + view.version + "\"").body(view);
    }
}
