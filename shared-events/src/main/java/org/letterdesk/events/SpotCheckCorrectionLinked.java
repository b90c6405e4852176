package org.letterdesk.events;

import java.time.Instant;

/**
 * A correction found by INTERNAL_SPOT_CHECK was issued for a sampled letter after the draw; it is the correction
 * an ERROR result needs. Recorded by the system when the correction is issued.
 */
public record SpotCheckCorrectionLinked(String spotCheckId, String month, String letterId, int correctionNo,
                                        Instant issuedAt) {
}
