package org.letterdesk.bench.floor;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.letterdesk.bench.floor.FloorMessages.*;
import org.letterdesk.events.LetterIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/**
 * The app's command paths (the ones the benchmark's procedure uses), each sending one command and waiting for it:
 * the letter's id is a time-ordered UUID as the app makes them, so its events land in the month's partition.
 */
@RestController
class FloorController {

    private final CommandGateway commands;

    FloorController(CommandGateway commands) {
        this.commands = commands;
    }

    @GetMapping("/floor/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    @PostMapping(path = "/api/letters", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> register(@RequestBody Registration body) {
        String letterId = LetterIds.next(Instant.now()).toString();
        commands.sendAndWait(new RegisterLetter(letterId, body));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("letterId", letterId));
    }

    @PostMapping(path = "/api/letters/{id}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> assign(@PathVariable String id, @RequestBody Assignment body) {
        return done(id, new AssignLetter(id, body));
    }

    @PostMapping(path = "/api/letters/{id}/{step:first-contact|flags|legal-approval|identity-verification|follow-up}",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> step(@PathVariable String id, @PathVariable String step, @RequestBody Step body) {
        return done(id, new RecordStep(id, step, body));
    }

    @PostMapping(path = "/api/letters/{id}/drafts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> draft(@PathVariable String id, @RequestBody Draft body) {
        return done(id, new DraftReply(id, body));
    }

    @PostMapping(path = "/api/letters/{id}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> review(@PathVariable String id, @RequestBody Review body) {
        return done(id, new ReviewDraft(id, body));
    }

    @PostMapping(path = "/api/letters/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> reply(@PathVariable String id, @RequestBody Reply body) {
        return done(id, new SendReply(id, body));
    }

    @PostMapping(path = "/api/letters/{id}/archive", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> archive(@PathVariable String id) {
        return done(id, new ArchiveLetter(id));
    }

    private Map<String, Object> done(String letterId, Object command) {
        commands.sendAndWait(command);
        return Map.of("letterId", letterId);
    }
}
