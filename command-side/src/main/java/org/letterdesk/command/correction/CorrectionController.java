package org.letterdesk.command.correction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.correction.CorrectionResult;
import org.letterdesk.procedure.Role;
import org.letterdesk.command.correction.CorrectionRequests.*;
import org.letterdesk.command.correction.CorrectionCommands.IssueCorrection;
import org.letterdesk.command.correction.CorrectionCommands.SignOffCorrection;
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
@Tag(name = "Corrections", description = "Corrections (更正) of a sent reply and their supervisor sign-off")
class CorrectionController {

    private final CommandRunner commands;

    CorrectionController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Issue a correction of the sent reply (HANDLER, SUPERVISOR): CorrectionIssued;"
            + " adds correctionNo")
    ResponseEntity<CorrectionResult> issue(@PathVariable UUID id, @RequestBody CorrectionRequest body,
                                              CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new IssueCorrection(id.toString(), v, body.whatWasWrong(),
                body.correctedContent(), body.cause(), body.foundBy()), CorrectionResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/corrections/{n}/sign-off")
    @Operation(summary = "Sign off correction n (SUPERVISOR): CorrectionSignedOff")
    ResponseEntity<CorrectionResult> signOff(@PathVariable UUID id, @PathVariable int n,
                                                @RequestBody SignOffRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new SignOffCorrection(id.toString(), v, n, body.note()),
                CorrectionResult.class, HttpStatus.OK);
    }
}
