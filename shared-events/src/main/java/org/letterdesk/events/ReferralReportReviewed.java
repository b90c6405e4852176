package org.letterdesk.events;

/**
 * A review level decided on a referral report, as on a reply (same levels, four eyes). {@code completed}: this
 * approval was the last level required, so the report is done (and its deadline met).
 */
public record ReferralReportReviewed(String letterId, int reportNo, ReviewLevel level, ReviewDecision decision,
                                     String reviewer, String comment, boolean completed) implements LetterEvent {
}
