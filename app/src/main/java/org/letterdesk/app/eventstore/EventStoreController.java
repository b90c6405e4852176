package org.letterdesk.app.eventstore;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/admin/event-store", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "The event store's month partitions")
class EventStoreController {

    private final EventStorePartitions partitions;

    EventStoreController(EventStorePartitions partitions) {
        this.partitions = partitions;
    }

    @GetMapping("/partitions")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "The event table's month partitions, their size and whether they are in letter order "
            + "(ADMIN, AUDITOR)")
    List<EventStorePartitions.Partition> list() {
        return partitions.list();
    }

    @PostMapping("/partitions/{month}/compaction")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rewrite one month's partition in letter order now (ADMIN); answers when done. Appends to "
            + "that month's letters wait meanwhile; the maintenance does this by itself for closed months")
    EventStorePartitions.Compaction compact(@PathVariable String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "month must be YYYY-MM", Map.of("month", month));
        }
        if (partitions.find(parsed).isEmpty()) {
            throw new LetterdeskProblem(ProblemCode.NOT_FOUND, "No event store partition for " + parsed,
                    Map.of("month", parsed.toString()));
        }
        try {
            return partitions.compact(parsed);
        } catch (PessimisticLockingFailureException e) {
            // The swap waits at most 2 s for the event table's lock; everything was rolled back.
            throw new LetterdeskProblem(ProblemCode.EVENT_STORE_BUSY,
                    "The event store stayed busy; nothing was changed, try again", Map.of("month", parsed.toString()));
        }
    }
}
