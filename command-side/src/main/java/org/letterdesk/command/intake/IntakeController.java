package org.letterdesk.command.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.intake.IntakeResults.RegistrationResult;
import org.letterdesk.command.intake.IntakeResults.UrgencyResult;
import org.letterdesk.command.procedure.LetterResult;
import org.letterdesk.procedure.Role;
import org.letterdesk.command.intake.IntakeRequests.*;
import org.letterdesk.command.intake.IntakeCommands.AssignLetter;
import org.letterdesk.command.intake.IntakeCommands.MarkUrgent;
import org.letterdesk.command.intake.IntakeCommands.RecordFirstContact;
import org.letterdesk.command.intake.IntakeCommands.RegisterLetter;
import org.letterdesk.events.LetterIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Intake", description = "Registration (收件登记), urgency, assignment and first contact")
class IntakeController {

    private final CommandRunner commands;
    private final Clock clock;
    private final OffsetDateTime earliestReceipt;
    private final AttachmentReferences attachmentReferences;

    IntakeController(CommandRunner commands, Clock clock, AttachmentReferences attachmentReferences,
                     @Value("${letterdesk.intake.earliest-received-at:" + ReceiptTime.DEFAULT_EARLIEST + "}")
                     String earliestReceipt) {
        this.commands = commands;
        this.clock = clock;
        this.earliestReceipt = ReceiptTime.earliest(earliestReceipt);
        this.attachmentReferences = attachmentReferences;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document states; the entity below sets it too
    @Operation(summary = "Register a letter (CLERK): LetterReceived, DeadlineSet, MarkedUrgent if urgentReason; "
            + "the sender is matched to a sender file (SenderFileOpened when new), answered as senderId and "
            + "repeatCount")
    ResponseEntity<RegistrationResult> register(@RequestBody RegisterLetterRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK);
        commands.validate(body, b -> {
            List<Map<String, String>> errors = new ArrayList<>(b.receivedAt() == null ? List.of()
                    : ReceiptTime.errors(b.receivedAt().toInstant(), clock.instant(), earliestReceipt));
            errors.addAll(AttachmentReferences.errors(b.attachments()));
            if (b.sender() != null && b.sender().idNumber() != null && !b.sender().idNumber().isBlank()
                    && !IdNumbers.valid(b.sender().idNumber())) {
                // The message never repeats the value: it is personal data.
                errors.add(Map.of("field", "sender.idNumber",
                        "message", "must be an 18-character resident ID number with a valid check digit"));
            }
            return errors;
        });
        String letterId = LetterIds.next(clock.instant()).toString();
        List<org.letterdesk.events.Attachment> attachments = attachmentReferences.resolve(body.attachments());
        return commands.send(actor, request, body, version -> new RegisterLetter(letterId, body.channel(),
                body.receivedAt().toInstant(), body.sender().toSender(), body.subject().strip(),
                body.coreRequest().strip(), body.category(), attachments, body.remarks(), body.urgentReason(),
                body.collective() == null ? null : body.collective().toCollective()),
                RegistrationResult.class, HttpStatus.CREATED);
    }

    @PostMapping("/{id}/urgent")
    @Operation(summary = "Mark a letter urgent (CLERK, SUPERVISOR): MarkedUrgent, deadlines re-set")
    ResponseEntity<UrgencyResult> markUrgent(@PathVariable UUID id, @RequestBody MarkUrgentRequest body,
                                                   CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new MarkUrgent(id.toString(), v, body.reason()),
                UrgencyResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assign or forward (转交) to a department (CLERK, SUPERVISOR): LetterAssigned")
    ResponseEntity<LetterResult> assign(@PathVariable UUID id, @RequestBody AssignmentRequest body,
                                               CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new AssignLetter(id.toString(), v, body.department(), body.assignee()), LetterResult.class, HttpStatus.OK);
    }

    @PostMapping("/{id}/first-contact")
    @Operation(summary = "Record the first contact with the sender (CLERK, HANDLER): FirstContactMade")
    ResponseEntity<LetterResult> firstContact(@PathVariable UUID id, @RequestBody FirstContactRequest body,
                                                     CommandRequest request) {
        Actor actor = commands.authorize(Role.CLERK, Role.HANDLER);
        commands.validate(body);
        return commands.send(actor, request, body,
                v -> new RecordFirstContact(id.toString(), v, body.channel(), body.note()), LetterResult.class, HttpStatus.OK);
    }
}
