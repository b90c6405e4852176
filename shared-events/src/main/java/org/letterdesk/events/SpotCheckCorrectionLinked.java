package org.letterdesk.events;

import java.time.Instant;

/** The correction (found by INTERNAL_SPOT_CHECK) that answers a sampled letter's ERROR. */
public record SpotCheckCorrectionLinked(String spotCheckId, String month, String letterId, int correctionNo,
                                        Instant linkedAt) {
}
