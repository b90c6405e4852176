package org.letterdesk.query.register;

import org.letterdesk.query.QueryParameters;
import jakarta.persistence.criteria.Predicate;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.Department;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.validation.BindingResult;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The register's filters. {@code from}/{@code to} take a date (a whole day in the letter zone; {@code to}
 * inclusive) or a date-time with offset; {@code q} matches subject, core request and sender, case-insensitively.
 */
public record RegisterFilter(String from, String to, LetterStatus status, Department department, Channel channel,
                             Category category, Boolean urgent, Boolean overdue, String q) {

    /** The SQL function (migration V80) whose inlined body the register's n-gram index answers. */
    private static final String SEARCH_FUNCTION = "letterdesk_register_search";

    /** The filter with {@code q} searched through the n-gram index (right for a rare text, and for a small register). */
    public Specification<RegisterEntry> toSpecification(ZoneId zone, Instant now) {
        return toSpecification(zone, now, false);
    }

    /**
     * The filter; {@code commonText}: {@code q} is held by a large share of the register ({@link SearchTermFrequency})
     * and is searched by LIKE alone, which a scan in the page's order stops evaluating once the page is full.
     */
    public Specification<RegisterEntry> toSpecification(ZoneId zone, Instant now, boolean commonText) {
        Instant fromInstant = QueryParameters.timeBound("from", from, zone, false);
        Instant toInstant = QueryParameters.timeBound("to", to, zone, true);
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (fromInstant != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("receivedAt"), fromInstant));
            }
            if (toInstant != null) {
                where.add(cb.lessThan(root.get("receivedAt"), toInstant));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (department != null) {
                where.add(cb.equal(root.get("department"), department));
            }
            if (channel != null) {
                where.add(cb.equal(root.get("channel"), channel));
            }
            if (category != null) {
                where.add(cb.equal(root.get("category"), category));
            }
            if (urgent != null) {
                where.add(cb.equal(root.get("urgent"), urgent));
            }
            if (overdue != null) {
                // Overdue once a DeadlineMissed was recorded, or as soon as an unanswered reply is past due (as
                // RegisterEntry.isOverdueAt). The explicit IS NOT NULL keeps the predicate two-valued, so that
                // NOT(…) still matches a letter without a reply deadline instead of dropping it as SQL NULL.
                Predicate isOverdue = cb.or(cb.isTrue(root.get("overdue")),
                        cb.and(cb.isNull(root.get("completedAt")), cb.isNotNull(root.get("replyDue")),
                                cb.lessThan(root.get("replyDue"), now)));
                where.add(overdue ? isOverdue : cb.not(isOverdue));
            }
            String text = searchText();
            if (text != null) {
                // The n-gram index (migration V80) finds the rows holding the query's character or all its pairs of
                // characters; LIKE over the three columns decides. LIKE costs ~2 µs a row against ~50 µs for
                // computing a row's n-grams, and the planner evaluates the cheaper condition first, so a scan in
                // date order that passes over rows pays for LIKE only (docs/benchmarks.md, Reads at scale).
                if (!commonText) {
                    where.add(cb.isTrue(cb.function(SEARCH_FUNCTION, Boolean.class, root.get("subject"),
                            root.get("coreRequest"), root.get("senderInfo"), cb.literal(text))));
                }
                String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("subject")), pattern, '\\'),
                        cb.like(cb.lower(root.get("coreRequest")), pattern, '\\'),
                        cb.like(cb.lower(root.get("senderInfo")), pattern, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The search text as the index holds it (stripped, lower-cased), or null when there is none. */
    String searchText() {
        return isBlank(q) ? null : q.strip().toLowerCase();
    }

    /**
     * Whether the filter uses only the columns {@code register_count} is kept by (status, department, channel,
     * category, urgency), so that its exact total can be read from there. Blank values filter nothing, as above.
     */
    boolean usesCountedColumnsOnly() {
        return isBlank(from) && isBlank(to) && overdue == null && isBlank(q);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * A filter value that does not convert ({@code status=LOST}, {@code urgent=maybe}) is the client's error, named
     * per field like any other validation failure, not an internal one. Call with the {@link BindingResult} that
     * follows the filter parameter.
     */
    public static void rejectInvalid(BindingResult binding) {
        if (!binding.hasErrors()) {
            return;
        }
        List<Map<String, String>> errors = binding.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", expected(error.getField())))
                .toList();
        if (errors.isEmpty()) {
            errors = List.of(Map.of("field", "request", "message", "has invalid filters"));
        }
        throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "Invalid register filter: "
                + errors.stream().map(e -> e.get("field")).toList(), Map.of("errors", errors));
    }

    private static String expected(String field) {
        return switch (field) {
            case "status" -> "must be one of " + Arrays.toString(LetterStatus.values());
            case "department" -> "must be one of " + Arrays.toString(Department.values());
            case "channel" -> "must be one of " + Arrays.toString(Channel.values());
            case "category" -> "must be one of " + Arrays.toString(Category.values());
            case "urgent", "overdue" -> "must be true or false";
            default -> "has an invalid value";
        };
    }

}
