package org.letterdesk.query.quality;

/**
 * The raw counts of petitions (信访) and referral reports (批办件的办理情况汇报) of one department (or several, added up)
 * in one month; definitions in docs/quality-metrics.md, "Petitions and referrals".
 */
record ProcedureCounts(long petitionsAccepted, long petitionsNotAccepted, long petitionsExtended,
                       long reviewsRequested, long secondReviewsRequested, long petitionsFinal,
                       long referralReportsDue, long referralReportsOnTime, long referralReportsLate) {

    static final ProcedureCounts NONE = new ProcedureCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    ProcedureCounts plus(ProcedureCounts o) {
        return new ProcedureCounts(petitionsAccepted + o.petitionsAccepted,
                petitionsNotAccepted + o.petitionsNotAccepted, petitionsExtended + o.petitionsExtended,
                reviewsRequested + o.reviewsRequested, secondReviewsRequested + o.secondReviewsRequested,
                petitionsFinal + o.petitionsFinal, referralReportsDue + o.referralReportsDue,
                referralReportsOnTime + o.referralReportsOnTime, referralReportsLate + o.referralReportsLate);
    }
}
