package org.letterdesk.query.worklist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Work list")
class WorklistStreamController {

    private final WorklistStream stream;

    WorklistStreamController(WorklistStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/worklist/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "Server-sent events: `ready` once, then `letters` {count, letterIds} after each projection"
            + " commit that changed letters (any staff role); reload the work list when one arrives")
    SseEmitter stream() {
        return stream.subscribe();
    }

    /** A listener that went away (tab closed, network gone) is the normal end of a stream, not an error. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void gone() {
    }
}
