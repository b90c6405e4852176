package org.letterdesk.events;

import java.time.Instant;

/**
 * A reviewer's result for one sampled letter. An ERROR needs a correction of that letter found by
 * INTERNAL_SPOT_CHECK: {@code correctionNo} when given with the result, else linked later.
 */
public record SpotCheckResultRecorded(String spotCheckId, String month, String letterId, SpotCheckResult result,
                                      String note, Integer correctionNo, String reviewer, Instant recordedAt) {
}
