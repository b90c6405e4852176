package org.letterdesk.query.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.query.Paging;
import org.letterdesk.query.QuerySideConfiguration;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/register", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Register", description = "信函登记表: filter, sort, page, export")
class RegisterController {

    static final Map<String, String> SORTABLE = Map.of("serialNo", "serialNo", "receivedAt", "receivedAt",
            "replyDue", "replyDue", "status", "status", "department", "department", "urgent", "urgent",
            "completedAt", "completedAt");
    private static final int MAX_SIZE = 200;
    static final int SEARCH_TOTAL_CAP = 1000;

    private final RegisterEntries register;
    private final RegisterPages pages;
    private final RegisterCounts counts;
    private final SearchTermFrequency frequency;
    private final ZoneId zone;
    private final Clock clock;

    RegisterController(RegisterEntries register, RegisterPages pages, RegisterCounts counts,
                       SearchTermFrequency frequency, ZoneId zone, Clock clock) {
        this.register = register;
        this.pages = pages;
        this.counts = counts;
        this.frequency = frequency;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * One page; {@code total} is exact unless {@code totalExact} is false: a search ({@code q}) counts its matches
     * up to {@link #SEARCH_TOTAL_CAP} only, and then says there are at least that many.
     */
    record RegisterPage(List<RegisterItem> items, int page, int size, long total, boolean totalExact) {
    }

    @GetMapping
    @PreAuthorize(QuerySideConfiguration.STAFF)
    @Operation(summary = "The register, filtered, sorted (sort=field,asc|desc) and paged (page from 0) (staff)")
    RegisterPage list(@ModelAttribute RegisterFilter filter, BindingResult binding,
                      @Parameter(description = "page number, from 0", schema = @Schema(type = "integer",
                              format = "int32", defaultValue = "0", minimum = "0", maximum = Paging.MAX_PAGE_TEXT))
                      @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "rows per page", schema = @Schema(type = "integer", format = "int32",
                              defaultValue = "20", minimum = "1", maximum = "" + MAX_SIZE))
                      @RequestParam(defaultValue = "20") int size,
                      @RequestParam(defaultValue = "receivedAt,desc") String sort) {
        RegisterFilter.rejectInvalid(binding);
        Paging paging = Paging.of(page, size, MAX_SIZE);
        Instant now = clock.instant();
        String text = filter.searchText();
        Specification<RegisterEntry> spec = filter.toSpecification(zone, now,
                text != null && frequency.commonForPage(text));
        if (text != null) {
            RegisterPages.Found found = pages.pageCountingUpTo(spec, paging.toPageRequest(sort(sort)),
                    filter.toSpecification(zone, now, frequency.commonForCount(text)), SEARCH_TOTAL_CAP);
            return new RegisterPage(items(found.page(), now), page, size, Math.min(found.matching(), SEARCH_TOTAL_CAP),
                    found.matching() <= SEARCH_TOTAL_CAP);
        }
        List<RegisterItem> items = items(pages.page(spec, paging.toPageRequest(sort(sort))), now);
        // For filters on counted columns the exact total comes from the counter table: a count over the register
        // grows with the matching rows.
        long total = filter.usesCountedColumnsOnly() ? counts.total(filter) : register.count(spec);
        return new RegisterPage(items, page, size, total, true);
    }

    private static List<RegisterItem> items(List<RegisterEntry> entries, Instant now) {
        return entries.stream().map(e -> RegisterItem.of(e, now)).toList();
    }

    /** {@code field,asc|desc}; ties broken by serial number so pages are stable. */
    static Sort sort(String spec) {
        String[] parts = spec.split(",", -1); // "," is two empty parts, not none
        String property = SORTABLE.get(parts[0].strip());
        if (property == null || parts.length > 2) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "Cannot sort by " + spec,
                    Map.of("errors", List.of(Map.of("field", "sort", "message", "one of " + SORTABLE.keySet()
                            + ", optionally followed by ,asc or ,desc"))));
        }
        Sort.Direction direction = parts.length == 2 && parts[1].strip().equalsIgnoreCase("desc")
                ? Sort.Direction.DESC : Sort.Direction.ASC;
        return Sort.by(direction, property).and(Sort.by(Sort.Direction.ASC, "serialNo"));
    }
}
