package org.letterdesk.command.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.archive.ArchiveResult;
import org.letterdesk.procedure.Role;
import org.letterdesk.command.archive.ArchiveRequests.ArchiveRequest;
import org.letterdesk.command.archive.ArchiveCommands.ArchiveLetter;
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
@Tag(name = "Archive", description = "Archiving (归档) a closed letter for the retention period")
class ArchiveController {

    private final CommandRunner commands;

    ArchiveController(CommandRunner commands) {
        this.commands = commands;
    }

    // required = false also lets a POST without any body (and so without Content-Type) reach this method.
    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a closed letter (ARCHIVIST): LetterArchived; adds retainUntil and archiveNo")
    ResponseEntity<ArchiveResult> archive(@PathVariable UUID id,
                                                @RequestBody(required = false) ArchiveRequest body,
                                                CommandRequest request) {
        Actor actor = commands.authorize(Role.ARCHIVIST);
        ArchiveRequest archive = commands.validate(body == null ? new ArchiveRequest(null) : body);
        return commands.send(actor, request, archive,
                v -> new ArchiveLetter(id.toString(), v, archive.archiveNo()), ArchiveResult.class, HttpStatus.OK);
    }
}
