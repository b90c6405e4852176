package org.letterdesk.command.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.referral.ReferralCommands.SubmitReferralReport;
import org.letterdesk.command.referral.ReferralRequests.ReferralReportRequest;
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
@Tag(name = "Referrals", description = "The report back (办理情况汇报) to the office that referred a letter (批办件)")
class ReferralController {

    private final CommandRunner commands;

    ReferralController(CommandRunner commands) {
        this.commands = commands;
    }

    @PostMapping("/{id}/referral-report")
    @Operation(summary = "Write the report back to the referring office (HANDLER, SUPERVISOR): ReferralReported; "
            + "adds reportNo. Reviewed through POST /reviews with target REFERRAL_REPORT; 409 for a letter not "
            + "referred or a report already approved")
    ResponseEntity<ReferralReportResult> report(@PathVariable UUID id, @RequestBody ReferralReportRequest body,
                                                CommandRequest request) {
        Actor actor = commands.authorize(Role.HANDLER, Role.SUPERVISOR);
        commands.validate(body);
        return commands.send(actor, request, body, v -> new SubmitReferralReport(id.toString(), v, body.problem(),
                body.background(), body.investigation(), body.outcome()), ReferralReportResult.class, HttpStatus.OK);
    }
}
