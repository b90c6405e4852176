package org.letterdesk.events;

/** The outcome of re-examining a sampled letter in the monthly spot check (内部抽查). */
public enum SpotCheckResult {
    /** The reply was right. */
    OK,
    /** The reply was wrong: a correction found by INTERNAL_SPOT_CHECK must follow. */
    ERROR
}
