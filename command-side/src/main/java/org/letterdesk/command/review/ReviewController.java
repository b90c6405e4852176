package org.letterdesk.command.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.procedure.LetterResult;
import org.letterdesk.command.review.ReviewCommands.ReviewDraft;
import org.letterdesk.command.review.ReviewRequests.ReviewRequest;
import org.letterdesk.events.ReviewLevel;
import org.letterdesk.procedure.Role;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.referral.ReferralCommands.ReviewReferralReport;
import org.letterdesk.command.referral.ReferralReportResult;
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
@Tag(name = "Review", description = "The three-level review (三级审核) of reply drafts")
class ReviewController {

    private final CommandRunner commands;

    ReviewController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/reviews")
    @Operation(summary = "Review the latest draft (REVIEWER for FORMAT, SUPERVISOR, DIRECTOR):"
            + " ReviewApproved or ReviewRejected; with target REFERRAL_REPORT the latest referral report:"
            + " ReferralReportReviewed (adds reportNo, reportDone)")
    // Documented as the reply review's result, which the referral report's extends: clients typed on it keep working.
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = LetterResult.class)))
    ResponseEntity<? extends CommandResult> review(@PathVariable UUID id, @RequestBody ReviewRequest body,
                                        CommandRequest request) {
        // The level decides the role, so it is read before the body is validated; without a level any reviewing
        // role may learn that the body is invalid.
        Actor actor = body == null || body.level() == null
                ? commands.authorize(Role.REVIEWER, Role.SUPERVISOR, Role.DIRECTOR)
                : commands.authorize(roleFor(body.level()));
        commands.validate(body);
        if (body.target() == ReviewRequests.ReviewTarget.REFERRAL_REPORT) {
            return commands.send(actor, request, body, v -> new ReviewReferralReport(id.toString(), v, body.level(),
                    body.decision(), body.comment()), ReferralReportResult.class, HttpStatus.OK);
        }
        return commands.send(actor, request, body,
                v -> new ReviewDraft(id.toString(), v, body.level(), body.decision(), body.comment()),
                LetterResult.class, HttpStatus.OK);
    }

    private static Role roleFor(ReviewLevel level) {
        return switch (level) {
            case FORMAT -> Role.REVIEWER;
            case SUPERVISOR -> Role.SUPERVISOR;
            case DIRECTOR -> Role.DIRECTOR;
        };
    }
}
