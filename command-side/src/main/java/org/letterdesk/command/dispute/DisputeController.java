package org.letterdesk.command.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.dispute.DisputeResult;
import org.letterdesk.procedure.Role;
import org.letterdesk.command.dispute.DisputeRequests.*;
import org.letterdesk.command.dispute.DisputeCommands.InvestigateDispute;
import org.letterdesk.command.dispute.DisputeCommands.RecordDispute;
import org.letterdesk.command.dispute.DisputeCommands.ResolveDispute;
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
@Tag(name = "Disputes", description = "Disputes (争议) over a letter: recording, investigation and resolution")
class DisputeController {

    private final CommandRunner commands;

    DisputeController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/disputes")
    @Operation(summary = "Record a dispute (CLERK, HANDLER): DisputeRecorded, DeadlineSet; adds disputeNo")
    ResponseEntity<DisputeResult> recordDispute(@PathVariable UUID id, @RequestBody DisputeRequest body,
                                                      CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new RecordDispute(id.toString(), v, body.points(),
                body.senderView(), body.organizationView()), DisputeResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/disputes/{n}/investigation")
    @Operation(summary = "Record the investigation of dispute n (HANDLER): DisputeInvestigated")
    ResponseEntity<DisputeResult> investigate(@PathVariable UUID id, @PathVariable int n,
                                                    @RequestBody InvestigationRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new InvestigateDispute(id.toString(), v, n, body.findings()),
                DisputeResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/disputes/{n}/resolution")
    @Operation(summary = "Resolve dispute n (SUPERVISOR): DisputeResolved")
    ResponseEntity<DisputeResult> resolve(@PathVariable UUID id, @PathVariable int n,
                                                @RequestBody ResolutionRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new ResolveDispute(id.toString(), v, n, body.outcome(),
                Boolean.TRUE.equals(body.escalated())), DisputeResult.class, HttpStatus.OK);
    }
}
