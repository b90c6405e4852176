package org.letterdesk.command.drafting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.api.Role;
import org.letterdesk.command.drafting.DraftingRequests.DraftRequest;
import org.letterdesk.command.letter.LetterCommands.DraftReply;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

// consumes is set per method: on the class it would also demand a JSON body of the GET.
@RestController
@RequestMapping("/api/letters")
@Tag(name = "Drafting", description = "Reply drafts (答复草稿) with the wording check, and their rendering as a letter")
class DraftingController {

    private static final String TEXT_PLAIN_UTF8 = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8";

    private final CommandRunner commands;
    private final DraftRenderer renderer;

    DraftingController(CommandRunner commands, DraftRenderer renderer) {
        this.commands = commands;
        this.renderer = renderer;
    }

    @PostMapping(path = "/{id}/drafts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Draft a reply (HANDLER): ReplyDrafted; adds draftNo and the wording findings")
    ResponseEntity<Map<String, Object>> draft(@PathVariable UUID id, @RequestBody DraftRequest body,
                                              CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new DraftReply(id.toString(), v, body.toContent()),
                HttpStatus.OK);
    }

    @GetMapping(path = "/{id}/drafts/{n}/rendered", produces = TEXT_PLAIN_UTF8)
    @Operation(summary = "Render draft n as the reply letter (any staff role): from ReplyDrafted")
    String rendered(@PathVariable UUID id, @PathVariable int n) {
        commands.authorize(Role.values());
        return renderer.render(id, n);
    }
}
