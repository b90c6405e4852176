package org.letterdesk.query.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Mail", description = "E-mail in and out")
class CorrespondenceController {

    private final LetterCorrespondence correspondence;

    CorrespondenceController(LetterCorrespondence correspondence) {
        this.correspondence = correspondence;
    }

    @GetMapping("/{id}/correspondence")
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "The letter's mails in and out (any staff role): direction IN|OUT, messageId, kind (OUT: "
            + "REPLY, DELAY_NOTICE, CORRECTION), subject, at, status RECEIVED|QUEUED|SENT|FAILED|BOUNCED, attempts, "
            + "reason of the last failure or bounce; no addresses")
    List<LetterCorrespondence.Mail> correspondence(@PathVariable UUID id) {
        return correspondence.of(id.toString()).orElseThrow(() -> new LetterdeskProblem(
                ProblemCode.LETTER_NOT_FOUND, "No letter " + id, Map.of("letterId", id.toString())));
    }
}
