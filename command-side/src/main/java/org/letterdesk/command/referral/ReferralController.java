package org.letterdesk.command.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.attachment.AttachmentReferences;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.referral.ReferralCommands.SubmitReferralReport;
import org.letterdesk.command.referral.ReferralRequests.ReferralReportRequest;
import org.letterdesk.events.Attachment;
import org.letterdesk.procedure.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Referrals", description = "The report back (办理情况汇报) to the office that referred a letter (批办件)")
class ReferralController {

    private final CommandRunner commands;
    private final AttachmentReferences attachmentReferences;

    ReferralController(CommandRunner commands, AttachmentReferences attachmentReferences) {
        this.commands = commands;
        this.attachmentReferences = attachmentReferences;
    }

    @PostMapping("/{id}/referral-report")
    @Operation(summary = "Write the report back to the referring office (HANDLER, SUPERVISOR): ReferralReported; "
            + "adds reportNo. Reviewed through POST /reviews with target REFERRAL_REPORT; 409 for a letter not "
            + "referred or a report already approved. Optional attachments [{attachmentId}] (stored files, or v1 "
            + "metadata), listed in the rendered report; an id the store does not know → 400 VALIDATION_FAILED")
    ResponseEntity<ReferralReportResult> report(@PathVariable UUID id, @RequestBody ReferralReportRequest body,
                                                CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER, Role.SUPERVISOR);
        commands.validate(body, b -> AttachmentReferences.errors(b.attachments()));
        List<Attachment> attachments = attachmentReferences.resolve(body.attachments());
        return commands.send(actor, request, body, v -> new SubmitReferralReport(id.toString(), v, body.problem(),
                body.background(), body.investigation(), body.outcome(), attachments), ReferralReportResult.class,
                HttpStatus.OK);
    }
}
