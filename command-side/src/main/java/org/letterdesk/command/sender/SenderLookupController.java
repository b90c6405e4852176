package org.letterdesk.command.sender;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.events.Sender;
import org.letterdesk.procedure.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Which sender file a registration with these contact details would count in, before it is made: the registration
 * form shows the repeat count while the clerk types. The same match keys as registration; a POST so that the clear
 * phone number or e-mail never appears in a URL (access logs, proxies).
 */
@RestController
@Tag(name = "Senders", description = "Sender files (客户档案): contact updates, merge, recorded clear read, erasure")
class SenderLookupController {

    private final CommandRunner commands;
    private final SenderIndex index;

    SenderLookupController(CommandRunner commands, SenderIndex index) {
        this.commands = commands;
        this.index = index;
    }

    record MatchRequest(@Size(max = 50) String phone, @Size(max = 254) String email,
                        @Size(max = 50) String idNumber) {
    }

    /** The matching file and its letters so far (the repeat count a registration now would get); none: null, 0. */
    record MatchResult(String senderId, int repeatCount) {
    }

    @PostMapping(path = "/api/senders/match", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The sender file a registration with this phone, e-mail or ID number would count in, and "
            + "its letters so far (CLERK); senderId null and repeatCount 0 when none matches. Reads only; records "
            + "nothing")
    @ApiResponse(responseCode = "200", description = "The match", useReturnTypeSchema = true)
    ResponseEntity<MatchResult> match(@RequestBody MatchRequest body) {
        commands.authorize(Role.CLERK);
        commands.validate(body, b -> MatchKeys.of(new Sender("", null, b.phone(), b.email(), null, b.idNumber()))
                .isEmpty() ? List.of(Map.of("field", "phone", "message",
                "at least one of phone, email, idNumber is required")) : List.of());
        List<String> keys = MatchKeys.of(new Sender("", null, body.phone(), body.email(), null, body.idNumber()));
        MatchResult result = index.find(keys)
                .map(senderId -> new MatchResult(senderId, index.letterCount(senderId)))
                .orElse(new MatchResult(null, 0));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }
}
