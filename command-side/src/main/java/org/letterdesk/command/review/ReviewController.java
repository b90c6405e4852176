package org.letterdesk.command.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.api.Role;
import org.letterdesk.command.letter.LetterCommands.FlagContent;
import org.letterdesk.command.letter.LetterCommands.GrantLegalApproval;
import org.letterdesk.command.letter.LetterCommands.ReviewDraft;
import org.letterdesk.command.letter.LetterCommands.VerifyIdentity;
import org.letterdesk.command.review.ReviewRequests.*;
import org.letterdesk.events.ReviewLevel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Review", description = "Content flags, legal approval, identity re-verification and the three-level"
        + " review (三级审核) of reply drafts")
class ReviewController {

    private final CommandRunner commands;

    ReviewController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/flags")
    @Operation(summary = "Flag personal data, financial information, major or complex content"
            + " (CLERK, HANDLER, SUPERVISOR): ContentFlagged")
    ResponseEntity<Map<String, Object>> flag(@PathVariable UUID id, @RequestBody FlagsRequest body,
                                             CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new FlagContent(id.toString(), v, body.personalData(),
                body.financialInfo(), body.major(), body.complex(), body.note()), HttpStatus.OK);
    }

    @PostMapping("/{id}/legal-approval")
    @Operation(summary = "Approve a reply involving personal data (LEGAL): LegalApprovalGranted")
    ResponseEntity<Map<String, Object>> legalApproval(@PathVariable UUID id, @RequestBody LegalApprovalRequest body,
                                                      CommandRequest request) {
        Actor actor = commands.authorize(Role.LEGAL);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new GrantLegalApproval(id.toString(), v, body.note()),
                HttpStatus.OK);
    }

    @PostMapping("/{id}/identity-verification")
    @Operation(summary = "Record the sender's identity re-verified by phone (CLERK, HANDLER): IdentityVerified")
    ResponseEntity<Map<String, Object>> verifyIdentity(@PathVariable UUID id,
                                                       @RequestBody IdentityVerificationRequest body,
                                                       CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER);
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new VerifyIdentity(id.toString(), v, body.method(), body.note()), HttpStatus.OK);
    }

    @PostMapping("/{id}/reviews")
    @Operation(summary = "Review the latest draft (REVIEWER for FORMAT, SUPERVISOR, DIRECTOR):"
            + " ReviewApproved or ReviewRejected")
    ResponseEntity<Map<String, Object>> review(@PathVariable UUID id, @RequestBody ReviewRequest body,
                                               CommandRequest request) {
        // The level decides the role, so it is read before the body is validated; without a level any reviewing
        // role may learn that the body is invalid.
        Actor actor = body == null || body.level() == null
                ? commands.authorize(Role.REVIEWER, Role.SUPERVISOR, Role.DIRECTOR)
                : commands.authorize(roleFor(body.level()));
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new ReviewDraft(id.toString(), v, body.level(), body.decision(), body.comment()),
                HttpStatus.OK);
    }

    private static Role roleFor(ReviewLevel level) {
        return switch (level) {
            case FORMAT -> Role.REVIEWER;
            case SUPERVISOR -> Role.SUPERVISOR;
            case DIRECTOR -> Role.DIRECTOR;
        };
    }
}
