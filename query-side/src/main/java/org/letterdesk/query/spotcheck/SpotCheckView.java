package org.letterdesk.query.spotcheck;

import org.letterdesk.events.SpotCheckResult;

import java.time.Instant;
import java.util.List;

/**
 * A month's spot check as drawn, with each sampled letter's result. {@code seed}, {@code candidates} and
 * {@code populationDigest} let anyone re-do the draw from the month's replied letters (docs/quality-metrics.md).
 *
 * @param automatic drawn by the system on the next month's first working day because nobody drew it
 * @param complete  every letter checked and every ERROR with its linked correction (SpotCheckCompleted)
 */
public record SpotCheckView(String month, long seed, int sampleSize, int candidates, String populationDigest,
                            boolean automatic, String drawnBy, Instant drawnAt, boolean complete,
                            Instant completedAt, int checked, int errors, List<Letter> letters) {

    /**
     * A sampled letter in draw order; result null until checked; correctionNo the linked correction found by
     * INTERNAL_SPOT_CHECK, if one was issued after the draw.
     */
    public record Letter(String letterId, SpotCheckResult result, String note, String checkedBy, Instant checkedAt,
                         Integer correctionNo) {
    }
}
