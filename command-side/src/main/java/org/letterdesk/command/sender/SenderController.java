package org.letterdesk.command.sender;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.sender.SenderFileCommands.EraseSenderPersonalData;
import org.letterdesk.command.sender.SenderFileCommands.MergeSenderFiles;
import org.letterdesk.command.sender.SenderFileCommands.UpdateSenderContact;
import org.letterdesk.command.sender.SenderFileCommands.ViewSenderPersonalData;
import org.letterdesk.command.sender.SenderFileHandlers.ClearSender;
import org.letterdesk.command.sender.SenderFileHandlers.ErasureResult;
import org.letterdesk.events.ContactVerification;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sender-file commands and the one clear read of a sender, which is recorded (API.md v2, "Senders"). */
@RestController
@Tag(name = "Senders", description = "Sender files (客户档案): contact updates, merge, recorded clear read, erasure")
class SenderController {

    private static final String CORRELATION_ID = "X-Correlation-Id";

    private final CommandRunner commands;
    private final CommandGateway gateway;

    SenderController(CommandRunner commands, CommandGateway gateway) {
        this.commands = commands;
        this.gateway = gateway;
    }

    record ContactRequest(@Pattern(regexp = "[0-9+()\\- ]{3,30}", message = "must be a phone number") String phone,
                          @Email @Size(max = 254) String email,
                          @Size(max = 500) String address,
                          @NotNull ContactVerification verifiedBy) {
    }

    record MergeRequest(@NotNull UUID otherSenderId) {
    }

    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** The file whose contact details were updated. */
    record ContactUpdated(String senderId) {
    }

    /** The surviving file and the one merged into it. */
    record FilesMerged(String senderId, String mergedSenderId) {
    }

    @PutMapping(path = "/api/senders/{senderId}/contact", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Update a sender's contact details, saying how they were verified (CLERK, HANDLER): "
            + "SenderContactUpdated")
    @ApiResponse(responseCode = "200", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "INVALID_TRANSITION: the file was merged away or erased")
    ContactUpdated updateContact(@PathVariable UUID senderId, @RequestBody ContactRequest body,
                                      @RequestHeader(value = CORRELATION_ID, required = false) String correlationId) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER);
        commands.validate(body);
        send(actor, correlationId, new UpdateSenderContact(senderId.toString(), body.phone(), body.email(),
                body.address(), body.verifiedBy()));
        return new ContactUpdated(senderId.toString());
    }

    @PostMapping(path = "/api/senders/{senderId}/merge", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Merge another file of the same person into this one (SUPERVISOR): SenderFilesMerged, "
            + "SenderFileMergedInto; both histories kept; 409 with itself")
    @ApiResponse(responseCode = "200", description = "Merged", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "INVALID_TRANSITION: a file merged with itself, or a file "
            + "already merged away or erased")
    FilesMerged merge(@PathVariable UUID senderId, @RequestBody MergeRequest body,
                              @RequestHeader(value = CORRELATION_ID, required = false) String correlationId) {
        Actor actor = commands.authorize(Role.SUPERVISOR);
        commands.validate(body);
        send(actor, correlationId, new MergeSenderFiles(senderId.toString(), body.otherSenderId().toString()));
        return new FilesMerged(senderId.toString(), body.otherSenderId().toString());
    }

    @PostMapping(path = "/api/senders/{senderId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase the sender's personal data by destroying their keys (ADMIN): SenderErased, "
            + "PersonalDataErased on every letter; 409 RETENTION_NOT_EXPIRED while a letter is within retention")
    @ApiResponse(responseCode = "200", description = "Erased", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "RETENTION_NOT_EXPIRED: a letter of the sender is within "
            + "retention (retainedLetters); INVALID_TRANSITION: already erased")
    ErasureResult erase(@PathVariable UUID senderId, @RequestBody ErasureRequest body,
                        @RequestHeader(value = CORRELATION_ID, required = false) String correlationId) {
        Actor actor = commands.authorize(Role.ADMIN);
        commands.validate(body);
        return (ErasureResult) send(actor, correlationId,
                new EraseSenderPersonalData(senderId.toString(), body.reason()));
    }

    @GetMapping(path = "/api/letters/{id}/sender", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The letter's sender unmasked — the only clear read; reason required, recorded as "
            + "PersonalDataViewed (CLERK, HANDLER, LEGAL, SUPERVISOR)")
    ResponseEntity<ClearSender> clearSender(@PathVariable UUID id,
                                            @Parameter(description = "why the clear data is needed (recorded)")
                                            @RequestParam(required = false) String reason,
                                            @RequestHeader(value = CORRELATION_ID, required = false)
                                            String correlationId) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER, Role.LEGAL, Role.SUPERVISOR);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "A reason for the clear read is required",
                    Map.of("errors", List.of(Map.of("field", "reason",
                            "message", "must not be blank (at most 500 characters)"))));
        }
        ClearSender sender = (ClearSender) send(actor, correlationId,
                new ViewSenderPersonalData(id.toString(), reason));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(sender);
    }

    /** Sender commands are not letter commands: no If-Match, no Idempotency-Key; the correlation id is kept. */
    private Object send(Actor actor, String correlationId, Object command) {
        if (correlationId != null && !correlationId.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "Invalid X-Correlation-Id",
                    Map.of("errors", List.of(Map.of("field", CORRELATION_ID,
                            "message", "1 to 64 of A-Z a-z 0-9 . _ : -"))));
        }
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandRunner.metaData(actor, new CommandRequest(null, null, correlationId)));
        for (int tries = 1; ; tries++) {
            try {
                return gateway.sendAndWait(message);
            } catch (ConcurrencyException e) {
                // A deadline firing on one of the letters appended meanwhile: try again on the new state.
                if (tries == 3) {
                    throw e;
                }
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                // An id that names no stream, or another kind of stream (a letter's id given as a sender's).
                throw command instanceof ViewSenderPersonalData view
                        ? new LetterdeskProblem(ProblemCode.LETTER_NOT_FOUND, "No letter " + view.letterId(),
                        Map.of("letterId", view.letterId()))
                        : new LetterdeskProblem(ProblemCode.SENDER_NOT_FOUND, "No sender file with this id");
            }
        }
    }
}
