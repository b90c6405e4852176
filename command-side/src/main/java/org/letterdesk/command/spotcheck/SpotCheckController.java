package org.letterdesk.command.spotcheck;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.events.SpotCheckResult;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/spot-checks", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Spot checks", description = "The monthly internal spot check (内部抽查) of replied letters")
class SpotCheckController {

    static final int MAX_SAMPLE_SIZE = 1000;

    private final CommandRunner commands;
    private final SpotChecks spotChecks;

    SpotCheckController(CommandRunner commands, SpotChecks spotChecks) {
        this.commands = commands;
        this.spotChecks = spotChecks;
    }

    /** sampleSize: the configured default (letterdesk.spot-check.sample-size) when absent. */
    record DrawRequest(@NotNull @Size(max = 7) String month, @Min(1) @Max(MAX_SAMPLE_SIZE) Integer sampleSize) {
    }

    record DrawResponse(String month, long seed, List<String> letters) {
    }

    record ResultRequest(@NotNull SpotCheckResult result, @Size(max = 2000) String note) {
    }

    record ResultResponse(String month, String letterId, SpotCheckResult result, boolean complete) {
    }

    @PostMapping
    @Operation(summary = "Draw the month's spot-check sample (SUPERVISOR): SpotCheckDrawn with the seed and the "
            + "letters drawn from those replied in the month (reproducible: docs/quality-metrics.md); a month "
            + "without replies gives an empty sample. 400 for a month that has not ended, 409 SPOT_CHECK_DRAWN if "
            + "the month is drawn")
    ResponseEntity<DrawResponse> draw(@RequestBody DrawRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.SUPERVISOR);
        commands.validate(body, b -> monthErrors(b.month()));
        YearMonth month = YearMonth.parse(body.month());
        int size = body.sampleSize() == null ? spotChecks.defaultSampleSize() : body.sampleSize();
        SpotChecks.Drawn drawn = spotChecks.draw(month, size, false, CommandRunner.metaData(actor, request));
        return ResponseEntity.created(URI.create("/api/spot-checks/" + month))
                .body(new DrawResponse(drawn.month(), drawn.seed(), drawn.letters()));
    }

    @PostMapping("/{month}/letters/{letterId}")
    @Operation(summary = "Record the result of a sampled letter (REVIEWER, SUPERVISOR): SpotCheckResultRecorded; "
            + "SpotCheckCompleted once every letter is checked and every ERROR has a correction found by "
            + "INTERNAL_SPOT_CHECK. 404 SPOT_CHECK_NOT_FOUND if the month is not drawn, 409 NOT_IN_SAMPLE for a "
            + "letter not in the sample, 409 INVALID_TRANSITION once complete")
    ResultResponse record(@Parameter(description = "YYYY-MM", example = "2026-11") @PathVariable String month,
                          @PathVariable UUID letterId, @RequestBody ResultRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.REVIEWER, Role.SUPERVISOR);
        List<Map<String, String>> monthErrors = parseErrors(month);
        if (!monthErrors.isEmpty()) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "The request has invalid fields",
                    Map.of("errors", monthErrors));
        }
        commands.validate(body);
        YearMonth m = YearMonth.parse(month);
        boolean complete = spotChecks.record(m, letterId.toString(), body.result(), blankToNull(body.note()),
                actor.user(), CommandRunner.metaData(actor, request));
        return new ResultResponse(m.toString(), letterId.toString(), body.result(), complete);
    }

    /** A month is drawn once it has ended: before, letters replied later in it would be left out. */
    private List<Map<String, String>> monthErrors(String month) {
        List<Map<String, String>> errors = new ArrayList<>(parseErrors(month));
        if (errors.isEmpty() && month != null
                && spotChecks.end(YearMonth.parse(month)).isAfter(spotChecks.now())) {
            errors.add(Map.of("field", "month", "message", "the month has not ended yet"));
        }
        return errors;
    }

    private static List<Map<String, String>> parseErrors(String month) {
        if (month == null) {
            return List.of();
        }
        try {
            YearMonth.parse(month);
            return List.of();
        } catch (DateTimeParseException e) {
            return List.of(Map.of("field", "month", "message", "must be a month YYYY-MM"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
