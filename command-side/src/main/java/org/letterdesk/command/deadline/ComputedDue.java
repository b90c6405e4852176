package org.letterdesk.command.deadline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A computed deadline, ready to be recorded in an event.
 *
 * @param due                  when the deadline falls, in the policy zone
 * @param holidayGraceApplied  whether the holiday grace extended it
 * @param warnings             why the result may be imprecise, e.g. a year without a calendar
 */
public record ComputedDue(OffsetDateTime due, boolean holidayGraceApplied, List<String> warnings) {

    public ComputedDue {
        Objects.requireNonNull(due, "due");
        warnings = List.copyOf(warnings);
    }
}
