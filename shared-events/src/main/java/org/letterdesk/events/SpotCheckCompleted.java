package org.letterdesk.events;

import java.time.Instant;

/**
 * Every sampled letter has a result and every ERROR its linked correction: the month's spot check is complete.
 * A draw with no letters (nothing replied in the month) is complete at once.
 */
public record SpotCheckCompleted(String spotCheckId, String month, int checked, int errors, Instant completedAt) {
}
