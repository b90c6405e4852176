package org.letterdesk.command.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.attachment.AttachmentReferences;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.letterdesk.command.intake.IntakeCommands.RelatedMatter;
import org.letterdesk.command.intake.IntakeCommands.Routing;
import org.letterdesk.command.petition.PetitionCommands.DescribeMatter;
import org.letterdesk.command.routing.Router;
import org.letterdesk.command.petition.PetitionCommands.MatterState;
import org.letterdesk.events.LetterIds;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
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
import java.time.ZoneId;
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
    private final CommandGateway gateway;
    private final Router router;
    private final Clock clock;
    private final OffsetDateTime earliestReceipt;
    private final AttachmentReferences attachmentReferences;
    private final SerialClaims serialClaims;
    private final ZoneId zone;

    IntakeController(CommandRunner commands, CommandGateway gateway, Router router, Clock clock, ZoneId zone,
                     AttachmentReferences attachmentReferences, SerialClaims serialClaims,
                     @Value("${letterdesk.intake.earliest-received-at:" + ReceiptTime.DEFAULT_EARLIEST + "}")
                     String earliestReceipt) {
        this.commands = commands;
        this.gateway = gateway;
        this.router = router;
        this.clock = clock;
        this.zone = zone;
        this.serialClaims = serialClaims;
        this.earliestReceipt = ReceiptTime.earliest(earliestReceipt);
        this.attachmentReferences = attachmentReferences;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document states; the entity below sets it too
    @Operation(summary = "Register a letter (CLERK): LetterReceived, DeadlineSet, MarkedUrgent if urgentReason; "
            + "the sender is matched to a sender file (SenderFileOpened when new), answered as senderId and "
            + "repeatCount",
            description = "A PETITION gets its ACCEPTANCE deadline (15 calendar days) instead of the first-response "
                    + "and reply deadlines, and records its 信访次数 (SenderRepeatCounted, the sender file's count). "
                    + "relatedLetterId links an earlier letter (LetterLinked, recording whether "
                    + "its matter was already final); department assigns at once (LetterAssigned), else the first matching routing rule assigns by system "
                    + "(LetterRouted naming the rule, LetterAssigned); referral {office, "
                    + "referenceNo, dueDate} records ReferralRecorded and the REFERRAL_REPORT deadline.")
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
        RelatedMatter related = body.relatedLetterId() == null ? null : related(body.relatedLetterId());
        Routing routing = body.department() != null ? new Routing(body.department(), null)
                : router.route(body.category(), body.channel(), body.subject(), body.coreRequest())
                .map(rule -> new Routing(rule.department(), rule.id())).orElse(null);
        String letterId = LetterIds.next(clock.instant()).toString();
        List<org.letterdesk.events.Attachment> attachments = attachmentReferences.resolve(body.attachments());
        RegisterLetter registration = new RegisterLetter(letterId, body.channel(),
                body.receivedAt().toInstant(), body.sender().toSender(), body.subject().strip(),
                body.coreRequest().strip(), body.category(), attachments, body.remarks(), body.urgentReason(),
                body.collective() == null ? null : body.collective().toCollective(),
                related, routing, body.referral() == null ? null : body.referral().toReferral());
        // Reserved last, just before the command: everything that can refuse the request has run.
        SerialClaim claim = serialClaims.claim(SerialNumbers.yearOf(registration.receivedAt(), zone)).orElse(null);
        try {
            ResponseEntity<RegistrationResult> registered = commands.send(actor, request, body,
                    version -> registration.withSerialClaim(claim), RegistrationResult.class, HttpStatus.CREATED);
            if (claim != null && request.idempotencyKey() != null) {
                // A repeated request is answered from its first response without registering: nothing used it.
                release(claim, null);
            }
            return registered;
        } catch (RuntimeException e) {
            if (claim != null) {
                release(claim, e);
            }
            throw e;
        }
    }

    private void release(SerialClaim claim, RuntimeException failure) {
        try {
            serialClaims.release(claim);
        } catch (RuntimeException e) {
            // The reservation then expires on its own; the registration's own answer stands.
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The earlier letter as it stands now: whether its matter is already final. */
    private RelatedMatter related(UUID relatedLetterId) {
        try {
            MatterState matter = gateway.sendAndWait(new DescribeMatter(relatedLetterId.toString()));
            return new RelatedMatter(matter.letterId(), matter.serialNo(), matter.matterFinal());
        } catch (AggregateNotFoundException e) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "relatedLetterId names no letter",
                    Map.of("errors", List.of(Map.of("field", "relatedLetterId", "message", "names no letter"))));
        }
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
