package org.letterdesk.command.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.Role;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/attachments")
@Tag(name = "Attachments", description = "Files of letters and replies, stored by content (SHA-256)")
class AttachmentController {

    private final AttachmentStore store;
    private final CommandRunner commands;

    AttachmentController(AttachmentStore store, CommandRunner commands) {
        this.store = store;
        this.commands = commands;
    }

    record Uploaded(UUID attachmentId, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a file (any staff role): multipart part `file`; 413 over the size limit, 415 for a "
            + "type not allowed or content not of its declared type (detected from the bytes, not the name); with a "
            + "virus scanner configured, 422 ATTACHMENT_INFECTED or ATTACHMENT_NOT_SCANNED, 503 "
            + "VIRUS_SCANNER_UNAVAILABLE while it does not answer (nothing unscanned is kept)")
    ResponseEntity<Uploaded> upload(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        Actor actor = commands.authorize(Role.values());
        if (file == null || file.isEmpty()) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "A non-empty part `file` is required",
                    Map.of("errors", java.util.List.of(Map.of("field", "file", "message", "must not be empty"))));
        }
        StoredAttachment stored;
        try (InputStream in = file.getInputStream()) {
            stored = store.store(in, file.getOriginalFilename(), file.getContentType(), actor.user());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create("/api/attachments/" + stored.attachmentId()))
                .body(new Uploaded(stored.attachmentId(), stored.fileName(), stored.contentType(),
                        stored.sizeBytes(), stored.sha256()));
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "A stored file's content (any staff role), with its type and Content-Disposition")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID attachmentId) throws IOException {
        commands.authorize(Role.values());
        StoredAttachment stored = store.find(attachmentId).orElseThrow(() -> new LetterdeskProblem(
                ProblemCode.NOT_FOUND, "No attachment " + attachmentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .contentLength(stored.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", stored.sha256())
                .body(new InputStreamResource(store.open(stored.sha256())));
    }
}
