package org.letterdesk.procedure;

/** Where the latest reply draft of a letter stands in review. */
public enum DraftStage {
    /** No draft written yet. */
    NONE,
    /** The latest draft was rejected at some level: back to drafting. */
    REJECTED,
    /** The latest draft awaits a required review level. */
    IN_REVIEW,
    /** The latest draft passed every required level. */
    APPROVED
}
