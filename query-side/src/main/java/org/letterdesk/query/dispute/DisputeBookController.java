package org.letterdesk.query.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.query.Paging;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.util.List;

@RestController
@RequestMapping(path = "/api/disputes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dispute record book", description = "争议处理记录簿: every dispute, from record to resolution")
class DisputeBookController {

    private static final int MAX_SIZE = 200;
    /** In the order they were recorded; the letter and dispute number break ties so pages are stable. */
    private static final Sort ORDER = Sort.by("recordedAt", "serialNo", "disputeNo");

    private final DisputeEntries book;
    private final ZoneId zone;

    DisputeBookController(DisputeEntries book, ZoneId zone) {
        this.book = book;
        this.zone = zone;
    }

    record DisputePage(List<DisputeItem> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "The dispute record book, by status (OPEN, INVESTIGATED, RESOLVED) and recording date,"
            + " oldest first, paged from 0 (any staff role)")
    DisputePage list(@Parameter(schema = @Schema(implementation = DisputeStatus.class))
                     @RequestParam(required = false) String status,
                     @Parameter(description = "recorded from: a date (whole day in the letter zone) or a date-time"
                             + " with offset") @RequestParam(required = false) String from,
                     @Parameter(description = "recorded until: a date (inclusive) or a date-time with offset"
                             + " (exclusive)") @RequestParam(required = false) String to,
                     @Parameter(description = "page number, from 0", schema = @Schema(type = "integer",
                             format = "int32", defaultValue = "0", minimum = "0", maximum = Paging.MAX_PAGE_TEXT))
                     @RequestParam(defaultValue = "0") int page,
                     @Parameter(description = "entries per page", schema = @Schema(type = "integer", format = "int32",
                             defaultValue = "20", minimum = "1", maximum = "" + MAX_SIZE))
                     @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size, MAX_SIZE);
        DisputeFilter filter = DisputeFilter.parse(status, from, to, zone);
        Page<DisputeEntry> result = book.findAll(filter.toSpecification(), paging.toPageRequest(ORDER));
        return new DisputePage(result.map(DisputeItem::of).getContent(), page, size, result.getTotalElements());
    }
}
