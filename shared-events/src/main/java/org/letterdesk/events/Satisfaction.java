package org.letterdesk.events;

/** The sender's satisfaction as a follow-up (回访) records it, five levels. */
public enum Satisfaction {
    VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED, VERY_DISSATISFIED;

    /** Counted as satisfied in the monthly rates. */
    public boolean satisfied() {
        return this == VERY_SATISFIED || this == SATISFIED;
    }

    /** Counted as dissatisfied: opens supervision (督办). */
    public boolean dissatisfied() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }
}
