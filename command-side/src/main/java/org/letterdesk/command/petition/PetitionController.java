package org.letterdesk.command.petition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.petition.PetitionCommands.AnswerReview;
import org.letterdesk.command.petition.PetitionCommands.DecideAcceptance;
import org.letterdesk.command.petition.PetitionCommands.ExtendReply;
import org.letterdesk.command.petition.PetitionCommands.RequestReview;
import org.letterdesk.command.petition.PetitionRequests.AcceptanceRequest;
import org.letterdesk.command.petition.PetitionRequests.ExtensionRequest;
import org.letterdesk.command.petition.PetitionRequests.ReviewAnswerRequest;
import org.letterdesk.command.petition.PetitionRequests.PetitionReviewRequest;
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
@Tag(name = "Petitions", description = "Petitions (信访) on the calendar-day clocks of the 信访工作条例: acceptance, "
        + "extension, review (复查) and second review (复核)")
class PetitionController {

    private final CommandRunner commands;

    PetitionController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/acceptance")
    @Operation(summary = "Decide a petition's acceptance (SUPERVISOR): PetitionAcceptanceDecided, "
            + "PetitionAcceptanceNoticeSent; ACCEPTED sets the REPLY deadline (60 calendar days, adds replyDue), "
            + "NOT_ACCEPTED (reason required) closes the letter; 409 for a non-petition or a second decision")
    ResponseEntity<PetitionResult> accept(@PathVariable UUID id, @RequestBody AcceptanceRequest body,
                                          CommandRequest request) {
        Actor actor = commands.authorize(Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new DecideAcceptance(id.toString(), v, body.decision(), body.reason()), PetitionResult.class,
                HttpStatus.OK);
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Extend an accepted petition's reply by 1-30 days, once (SUPERVISOR): "
            + "PetitionReplyExtended, DeadlineSet, PetitionExtensionNoticeSent; adds replyDue")
    ResponseEntity<PetitionResult> extend(@PathVariable UUID id, @RequestBody ExtensionRequest body,
                                          CommandRequest request) {
        Actor actor = commands.authorize(Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new ExtendReply(id.toString(), v, body.days(),
                body.reason()), PetitionResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/review-requests")
    @Operation(summary = "Record a petitioner's review (复查) or second review (复核) request (CLERK): "
            + "PetitionReviewRequested, DeadlineSet REVIEW (30 calendar days); adds requestNo, reviewDue; "
            + "409 outside the 30 days after the answer it contests, or once the matter is final")
    ResponseEntity<PetitionResult> requestReview(@PathVariable UUID id, @RequestBody PetitionReviewRequest body,
                                                 CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new RequestReview(id.toString(), v, body.kind(),
                body.reason()), PetitionResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/review-requests/{n}/answer")
    @Operation(summary = "Answer review request n (HANDLER, SUPERVISOR): PetitionReviewAnswered; the answer of the "
            + "second review makes the matter final")
    ResponseEntity<PetitionResult> answerReview(@PathVariable UUID id, @PathVariable int n,
                                                @RequestBody ReviewAnswerRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new AnswerReview(id.toString(), v, n, body.answer()),
                PetitionResult.class, HttpStatus.OK);
    }
}
