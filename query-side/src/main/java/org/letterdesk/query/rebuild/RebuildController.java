package org.letterdesk.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/admin/read-models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Rebuilding the read models from the event store")
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Empty every read model and replay all events into it (ADMIN); answers at once, the "
            + "replay runs in the background — follow it with GET …/rebuild")
    ReadModelRebuild.Progress start() {
        return rebuild.start();
    }

    @GetMapping("/rebuild")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "Progress of the read models against the head of the event store (ADMIN, AUDITOR)")
    ReadModelRebuild.Progress progress() {
        return rebuild.progress();
    }
}
