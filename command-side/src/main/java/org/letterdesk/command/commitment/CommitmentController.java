package org.letterdesk.command.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.commitment.CommitmentCommands.FulfilCommitment;
import org.letterdesk.command.commitment.CommitmentRequests.FulfilmentRequest;
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
@Tag(name = "Commitments", description = "Commitments a reply makes (答复承诺事项), tracked until fulfilled")
class CommitmentController {

    private final CommandRunner commands;

    CommitmentController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/commitments/{n}/fulfilment")
    @Operation(summary = "Fulfil commitment n with evidence (HANDLER, SUPERVISOR): CommitmentFulfilled;"
            + " 404 NOT_FOUND for a commitment the sent reply does not have, 409 once fulfilled")
    ResponseEntity<CommitmentResult> fulfil(@PathVariable UUID id, @PathVariable int n,
                                            @RequestBody FulfilmentRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new FulfilCommitment(id.toString(), v, n, body.evidence()),
                CommitmentResult.class, HttpStatus.OK);
    }
}
