package org.letterdesk.query.worklist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.events.Department;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.query.Paging;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/worklist", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Work list", description = "Open letters per department and assignee, by due time")
class WorklistController {

    private static final int MAX_SIZE = 500;

    private final WorklistQuery worklist;

    private final Clock clock;

    WorklistController(WorklistQuery worklist, Clock clock) {
        this.worklist = worklist;
        this.clock = clock;
    }

    record WorklistPage(List<WorklistItem> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "Open letters, earliest next deadline first, then urgent, then register number; with"
            + " atRisk and overdue; optionally one department and/or assignee; paged from 0 (any staff role)")
    WorklistPage list(@Parameter(schema = @Schema(implementation = Department.class))
                      @RequestParam(required = false) String department,
                      @RequestParam(required = false) String assignee,
                      @Parameter(description = "page number, from 0", schema = @Schema(type = "integer",
                              format = "int32", defaultValue = "0", minimum = "0", maximum = Paging.MAX_PAGE_TEXT))
                      @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "letters per page", schema = @Schema(type = "integer", format = "int32",
                              defaultValue = "100", minimum = "1", maximum = "" + MAX_SIZE))
                      @RequestParam(defaultValue = "100") int size) {
        Paging paging = Paging.of(page, size, MAX_SIZE);
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        WorklistQuery.Result result = worklist.find(department(department), who, paging);
        Instant now = clock.instant();
        return new WorklistPage(result.entries().stream().map(e -> WorklistItem.of(e, now)).toList(), page, size,
                result.total());
    }

    private static Department department(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Department.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("department", "must be one of " + Arrays.toString(Department.values()));
        }
    }

    private static LetterdeskProblem invalid(String field, String message) {
        return new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
