package org.letterdesk.query.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/quality", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Quality", description = "质量分析: the monthly error analysis for the quality meeting")
class QualityController {

    static final String READERS = "hasAnyRole('SUPERVISOR','DIRECTOR','AUDITOR')";

    private final MonthlyQualityAnalysis analysis;
    private final Clock clock;
    private final ZoneId zone;

    QualityController(MonthlyQualityAnalysis analysis, Clock clock,
                      ZoneId zone) {
        this.analysis = analysis;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/monthly")
    @PreAuthorize(READERS)
    @Operation(summary = "The month's error analysis per department and in total (SUPERVISOR, DIRECTOR, AUDITOR)",
            description = "Formulas, month boundaries and rounding: docs/quality-metrics.md")
    MonthlyQuality monthly(
            @Parameter(description = "calendar month in the organisation's zone, YYYY-MM", example = "2026-11")
            @RequestParam(required = false) String month,
            @Parameter(description = "CUSTOMER_SERVICE, BUSINESS, ADMINISTRATION or UNASSIGNED; all when absent")
            @RequestParam(required = false) String department) {
        AnalysisMonth analysed = AnalysisMonth.parse(month, zone);
        // The application's clock where there is one, so deadlines "due yet" follow the same time as commands.
        return analysis.analyse(analysed, department(department), clock.instant());
    }

    private static String department(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase();
        if (!MonthlyQualityAnalysis.ROWS.contains(name)) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "Unknown department " + value,
                    Map.of("errors", List.of(Map.of("field", "department", "message",
                            "one of " + MonthlyQualityAnalysis.ROWS))));
        }
        return name;
    }
}
