package org.letterdesk.command.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.supervision.SupervisionCommands.ResolveSupervision;
import org.letterdesk.procedure.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Supervision", description = "Supervision (督办) of late or unsatisfied letters and its reminders (催办)")
class SupervisionController {

    private final CommandRunner commands;

    SupervisionController(CommandRunner commands) {
        this.commands = commands;
    }

    record SupervisionResolutionRequest(@NotBlank @Size(max = 2000) String note) {
    }

    @PostMapping("/{id}/supervision/resolution")
    @Operation(summary = "Resolve the letter's open supervision items (SUPERVISOR, DIRECTOR): SupervisionResolved"
            + " for each; 409 when none is open. Supervision for a missed deadline also ends by itself when the"
            + " missing answer is given")
    ResponseEntity<SupervisionResult> resolve(@PathVariable UUID id, @RequestBody SupervisionResolutionRequest body,
                                              CommandRequest request) {
        Actor actor = commands.authorize(Role.SUPERVISOR, Role.DIRECTOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new ResolveSupervision(id.toString(), v, body.note()),
                SupervisionResult.class, HttpStatus.OK);
    }
}
