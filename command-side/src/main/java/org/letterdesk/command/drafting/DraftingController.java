package org.letterdesk.command.drafting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.attachment.AttachmentReferences;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.drafting.DraftResult;
import org.letterdesk.events.ReplyContent;
import org.letterdesk.procedure.Role;
import org.letterdesk.command.drafting.DraftingRequests.DraftRequest;
import org.letterdesk.command.drafting.DraftingCommands.DraftReply;
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
@RequestMapping("/api/letters")
@Tag(name = "Drafting", description = "Reply drafts (答复草稿) with the wording check")
class DraftingController {

    private final CommandRunner commands;
    private final AttachmentReferences attachmentReferences;

    DraftingController(CommandRunner commands, AttachmentReferences attachmentReferences) {
        this.commands = commands;
        this.attachmentReferences = attachmentReferences;
    }

    @PostMapping(path = "/{id}/drafts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Draft a reply (HANDLER): ReplyDrafted; adds draftNo and the wording findings. Optional"
            + " commitments [{what, department, dueDate}]: dueDate after today and at most 3 months ahead, else 400."
            + " Optional attachments [{attachmentId}] (stored files, or v1 metadata): listed in the rendered reply and"
            + " sent with an EMAIL reply; an id the store does not know → 400 VALIDATION_FAILED")
    ResponseEntity<DraftResult> draft(@PathVariable UUID id, @RequestBody DraftRequest body,
                                              CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER);
        commands.validate(body, b -> AttachmentReferences.errors(b.attachments()));
        // Resolved before the command: an unknown id is refused with nothing recorded.
        ReplyContent content = body.toContent(attachmentReferences.resolve(body.attachments()));
        return commands.send(actor, request, body, v -> new DraftReply(id.toString(), v, content,
                        body.toCommitments()),
                DraftResult.class, HttpStatus.OK);
    }
}
