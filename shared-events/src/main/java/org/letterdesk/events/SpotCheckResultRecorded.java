package org.letterdesk.events;

import java.time.Instant;

/** A reviewer re-examined a sampled letter: OK, or ERROR (which needs a correction found by the spot check). */
public record SpotCheckResultRecorded(String spotCheckId, String month, String letterId, SpotCheckResult result,
                                      String note, String recordedBy, Instant recordedAt) {
}
