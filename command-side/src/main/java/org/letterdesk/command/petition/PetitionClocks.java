package org.letterdesk.command.petition;

/**
 * The calendar-day clocks of the 信访工作条例, in days: acceptance decided within 15 days of receipt, the reply within
 * 60 days of acceptance, extended once by at most 30 days; a review (复查) or second review (复核) requested within 30
 * days of the answer it contests and answered within 30 days of the request. Statutory, so not configuration.
 */
public final class PetitionClocks {

    public static final int ACCEPTANCE_DAYS = 15;
    public static final int REPLY_DAYS = 60;
    public static final int MAX_EXTENSION_DAYS = 30;
    public static final int REVIEW_REQUEST_DAYS = 30;
    public static final int REVIEW_ANSWER_DAYS = 30;

    private PetitionClocks() {
    }
}
