package org.letterdesk.events;

/**
 * The clocks of a letter. COMMITMENT: a reply's commitment, ref = its number. ACCEPTANCE, REVIEW (a petition's
 * 复查/复核 answer, ref = request number) and REFERRAL_REPORT run on calendar days.
 */
public enum DeadlineKind {
    FIRST_RESPONSE, REPLY, FOLLOW_UP, DISPUTE_INVESTIGATION, ACCEPTANCE, COMMITMENT, REFERRAL_REPORT, REVIEW
}
