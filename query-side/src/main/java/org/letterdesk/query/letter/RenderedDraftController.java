package org.letterdesk.query.letter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.LetterheadSettings;
import org.letterdesk.procedure.ReplyTemplate;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** A draft rendered as the reply letter (seed 000's template), dated the day the draft was made. */
@RestController
@RequestMapping("/api/letters")
@Tag(name = "Letters", description = "The current view of a letter (eventually consistent)")
class RenderedDraftController {

    private static final String TEXT_PLAIN_UTF8 = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8";

    private final LetterViewReader views;
    private final ReplyTemplate template;
    private final LetterheadSettings letterhead;
    private final ZoneId zone;

    RenderedDraftController(LetterViewReader views, ReplyTemplate template, LetterheadSettings letterhead,
                            ZoneId zone) {
        this.views = views;
        this.template = template;
        this.letterhead = letterhead;
        this.zone = zone;
    }

    @GetMapping(path = "/{id}/drafts/{n}/rendered", produces = TEXT_PLAIN_UTF8)
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "Render draft n as the reply letter (any staff role); waits briefly for a draft just made")
    String rendered(@PathVariable UUID id, @PathVariable int n) {
        String letterId = id.toString();
        LetterView view = views.find(letterId).filter(v -> draft(v, n) != null)
                .orElseGet(() -> views.caughtUp(letterId));
        LetterView.Draft draft = draft(view, n);
        if (draft == null) {
            throw new LetterdeskProblem(ProblemCode.NOT_FOUND, "Letter " + view.serialNo + " has no draft " + n,
                    Map.of("letterId", letterId));
        }
        String senderName = view.sender == null ? null : view.sender.name();
        return template.render(draft.content, senderName, letterhead, LocalDate.ofInstant(draft.draftedAt, zone));
    }

    @GetMapping(path = "/{id}/referral-report/rendered", produces = TEXT_PLAIN_UTF8)
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "Render the latest report back to the referring office (any staff role), in the layout of "
            + "seed 002's 答复 to the 督查科, dated the day it was approved (else written); waits briefly for a "
            + "report just written")
    String renderedReferralReport(@PathVariable UUID id) {
        String letterId = id.toString();
        LetterView view = views.find(letterId).filter(v -> latestReport(v) != null)
                .orElseGet(() -> views.caughtUp(letterId));
        LetterView.ReferralReport report = latestReport(view);
        if (report == null) {
            throw new LetterdeskProblem(ProblemCode.NOT_FOUND, "Letter " + view.serialNo
                    + " has no report to a referring office", Map.of("letterId", letterId));
        }
        Instant dated = view.referral.doneAt != null ? view.referral.doneAt : report.reportedAt;
        return ReferralReportTemplate.render(view, report, letterhead, LocalDate.ofInstant(dated, zone));
    }

    private static LetterView.ReferralReport latestReport(LetterView view) {
        return view.referral == null || view.referral.reports.isEmpty() ? null
                : view.referral.reports.get(view.referral.reports.size() - 1);
    }

    private static LetterView.Draft draft(LetterView view, int draftNo) {
        return view.drafts.stream().filter(d -> d.draftNo == draftNo).findFirst().orElse(null);
    }
}
