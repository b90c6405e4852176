package org.letterdesk.command.contentreview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.contentreview.ContentReviewCommands.FlagContent;
import org.letterdesk.command.contentreview.ContentReviewCommands.GrantLegalApproval;
import org.letterdesk.command.contentreview.ContentReviewCommands.VerifyIdentity;
import org.letterdesk.command.contentreview.ContentReviewRequests.FlagsRequest;
import org.letterdesk.command.contentreview.ContentReviewRequests.IdentityVerificationRequest;
import org.letterdesk.command.contentreview.ContentReviewRequests.LegalApprovalRequest;
import org.letterdesk.command.procedure.LetterResult;
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
@Tag(name = "Content review", description = "Content flags (内容审核), legal approval and identity re-verification")
class ContentReviewController {

    private final CommandRunner commands;

    ContentReviewController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/flags")
    @Operation(summary = "Flag personal data, financial information, major or complex content"
            + " (CLERK, HANDLER, SUPERVISOR): ContentFlagged")
    ResponseEntity<LetterResult> flag(@PathVariable UUID id, @RequestBody FlagsRequest body,
                                      CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new FlagContent(id.toString(), v, body.personalData(),
                body.financialInfo(), body.major(), body.complex(), body.note()), LetterResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/legal-approval")
    @Operation(summary = "Approve a reply involving personal data (LEGAL): LegalApprovalGranted")
    ResponseEntity<LetterResult> legalApproval(@PathVariable UUID id, @RequestBody LegalApprovalRequest body,
                                               CommandRequest request) {
        Actor actor = commands.authorize(Role.LEGAL);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new GrantLegalApproval(id.toString(), v, body.note()),
                LetterResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/identity-verification")
    @Operation(summary = "Record the sender's identity re-verified by phone (CLERK, HANDLER): IdentityVerified")
    ResponseEntity<LetterResult> verifyIdentity(@PathVariable UUID id,
                                                @RequestBody IdentityVerificationRequest body,
                                                CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER);
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new VerifyIdentity(id.toString(), v, body.method(), body.note()), LetterResult.class,
                HttpStatus.OK);
    }
}
