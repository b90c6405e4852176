package org.letterdesk.events;

import java.time.Instant;

/** Every sampled letter has a result and every ERROR its correction: the month's spot check is complete. */
public record SpotCheckCompleted(String spotCheckId, String month, int checked, int errors, Instant completedAt) {
}
