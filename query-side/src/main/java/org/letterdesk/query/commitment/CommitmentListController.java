package org.letterdesk.query.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.events.Department;
import org.letterdesk.query.Paging;
import org.letterdesk.query.QueryParameters;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping(path = "/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commitments", description = "Commitments of sent replies (答复承诺事项), by status and department")
class CommitmentListController {

    private static final int MAX_SIZE = 200;
    private static final Set<String> STATUSES = Set.of("OPEN", "FULFILLED", "MISSED");
    /** Soonest due first; the letter and number break ties so pages are stable. */
    private static final Sort ORDER = Sort.by("dueDate", "serialNo", "n");

    private final CommitmentEntries entries;

    CommitmentListController(CommitmentEntries entries) {
        this.entries = entries;
    }

    record CommitmentPage(List<CommitmentItem> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "Commitments of sent replies, soonest due first, paged from 0 (any staff role). MISSED:"
            + " past its due date and not fulfilled; a commitment fulfilled late is FULFILLED")
    CommitmentPage list(@Parameter(schema = @Schema(allowableValues = {"OPEN", "FULFILLED", "MISSED"}))
                        @RequestParam(required = false) String status,
                        @Parameter(schema = @Schema(implementation = Department.class))
                        @RequestParam(required = false) String department,
                        @Parameter(description = "page number, from 0", schema = @Schema(type = "integer",
                                format = "int32", defaultValue = "0", minimum = "0", maximum = Paging.MAX_PAGE_TEXT))
                        @RequestParam(defaultValue = "0") int page,
                        @Parameter(description = "entries per page", schema = @Schema(type = "integer",
                                format = "int32", defaultValue = "20", minimum = "1", maximum = "" + MAX_SIZE))
                        @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size, MAX_SIZE);
        Specification<CommitmentEntry> filter = (root, query, cb) -> cb.conjunction();
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status)) {
                throw QueryParameters.invalid("status", "Invalid status " + status,
                        "must be one of OPEN, FULFILLED, MISSED");
            }
            filter = filter.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (department != null && !department.isBlank()) {
            Department d = Arrays.stream(Department.values()).filter(v -> v.name().equals(department)).findFirst()
                    .orElseThrow(() -> QueryParameters.invalid("department", "Invalid department " + department,
                            "must be one of " + Arrays.toString(Department.values())));
            filter = filter.and((root, query, cb) -> cb.equal(root.get("department"), d));
        }
        Page<CommitmentEntry> result = entries.findAll(filter, paging.toPageRequest(ORDER));
        return new CommitmentPage(result.map(CommitmentItem::of).getContent(), page, size,
                result.getTotalElements());
    }
}
