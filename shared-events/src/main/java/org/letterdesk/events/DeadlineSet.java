package org.letterdesk.events;

import java.time.Instant;
import java.util.List;

/**
 * A deadline computed when the event that starts its clock happened. The due time is recorded here so that a
 * replay never recomputes it with a newer calendar or SLA table.
 *
 * @param ref                 the dispute number for DISPUTE_INVESTIGATION, else 0
 * @param basis               how it was computed, e.g. "72 working hours + 72 working hours holiday grace"
 * @param holidayGraceApplied whether the holiday grace (节假日顺延) moved the due time
 * @param approachingAt       when the warning (DeadlineApproaching) is due
 * @param warnings            calendar warnings, e.g. a year with no loaded calendar counted Monday–Friday
 */
public record DeadlineSet(String letterId, DeadlineKind kind, int ref, Instant startedAt, Instant due,
                          Instant approachingAt, String basis, boolean holidayGraceApplied, List<String> warnings)
        implements LetterEvent {
    public DeadlineSet {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
