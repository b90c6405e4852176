package org.letterdesk.command.commitment;

import org.letterdesk.events.Commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a reply may promise something (答复承诺事项需在3个月内完成): a due date after today and at most 3 months after
 * today, today being the calendar date in the organisation's zone.
 */
public final class CommitmentRules {

    /** The procedure's limit: a commitment is kept within 3 months. */
    public static final int MAX_MONTHS = 3;

    private CommitmentRules() {
    }

    /** The field errors of the commitments listed in a draft written today (empty when all are acceptable). */
    public static List<Map<String, String>> check(List<Commitment> commitments, LocalDate today) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < commitments.size(); i++) {
            String problem = dueDateProblem(commitments.get(i).dueDate(), today);
            if (problem != null) {
                errors.add(Map.of("field", "commitments[" + i + "].dueDate", "message", problem));
            }
        }
        return errors;
    }

    /** Why the due date is not acceptable today, or null. */
    public static String dueDateProblem(LocalDate dueDate, LocalDate today) {
        if (dueDate == null) {
            return "must not be null";
        }
        if (!dueDate.isAfter(today)) {
            return "must lie after today (" + today + ")";
        }
        if (dueDate.isAfter(today.plusMonths(MAX_MONTHS))) {
            return "must lie at most " + MAX_MONTHS + " months ahead (" + today.plusMonths(MAX_MONTHS) + ")";
        }
        return null;
    }
}
