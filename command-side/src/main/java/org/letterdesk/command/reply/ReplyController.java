package org.letterdesk.command.reply;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.procedure.LetterResult;
import org.letterdesk.command.reply.ReplyResults.DelayResult;
import org.letterdesk.command.reply.ReplyResults.ReplyResult;
import org.letterdesk.procedure.Role;
import org.letterdesk.command.reply.ReplyCommands.RecordFollowUp;
import org.letterdesk.command.reply.ReplyCommands.ReportDelay;
import org.letterdesk.command.reply.ReplyCommands.SendReply;
import org.letterdesk.command.reply.ReplyRequests.*;
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
@Tag(name = "Reply", description = "Sending the approved reply, the phone follow-up (电话回访) and delay notices")
class ReplyController {

    private final CommandRunner commands;

    ReplyController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "Send the approved reply (CLERK, HANDLER): ReplySent")
    ResponseEntity<ReplyResult> sendReply(@PathVariable UUID id, @RequestBody SendReplyRequest body,
                                                  CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER);
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new SendReply(id.toString(), v, body.channel(), body.recipient(), body.trackingNo()),
                ReplyResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/follow-up")
    @Operation(summary = "Record the phone follow-up of a complex letter (CLERK, HANDLER): FollowUpRecorded;"
            + " optional satisfaction (five levels); DISSATISFIED or VERY_DISSATISFIED opens supervision (督办)")
    ResponseEntity<LetterResult> followUp(@PathVariable UUID id, @RequestBody FollowUpRequest body,
                                                 CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER);
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new RecordFollowUp(id.toString(), v, body.note(), body.satisfied(),
                        body.satisfaction()), LetterResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/delay")
    @Operation(summary = "Report a delay and notify the sender (HANDLER, SUPERVISOR): DelayReported, DelayNoticeSent")
    ResponseEntity<DelayResult> delay(@PathVariable UUID id, @RequestBody DelayRequest body,
                                              CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new ReportDelay(id.toString(), v, body.reason(), body.expectedCompletion().toInstant()),
                DelayResult.class, HttpStatus.OK);
    }
}
