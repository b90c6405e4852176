package org.letterdesk.query.quality;

import java.math.BigDecimal;

/**
 * One row of the petitions-and-referrals section of the monthly analysis (docs/quality-metrics.md, "Petitions and
 * referrals"): petitions accepted and not accepted (受理/不予受理), extended (延期), reviews (复查) and second reviews
 * (复核) requested, matters become final (终结); referral reports due, done on time and late, and the on-time rate
 * among those decided (a fraction 0..1 to 4 decimals, null when none is).
 */
public record ProcedureFigures(String department,
                               long petitionsAccepted,
                               long petitionsNotAccepted,
                               long petitionsExtended,
                               long reviewsRequested,
                               long secondReviewsRequested,
                               long petitionsFinal,
                               long referralReportsDue,
                               long referralReportsOnTime,
                               long referralReportsLate,
                               BigDecimal referralReportOnTimeRate) {

    private static final int RATE_SCALE = 4;

    static ProcedureFigures of(String department, ProcedureCounts c) {
        Ratio onTime = Ratio.of(c.referralReportsOnTime(), c.referralReportsOnTime() + c.referralReportsLate());
        return new ProcedureFigures(department, c.petitionsAccepted(), c.petitionsNotAccepted(),
                c.petitionsExtended(), c.reviewsRequested(), c.secondReviewsRequested(), c.petitionsFinal(),
                c.referralReportsDue(), c.referralReportsOnTime(), c.referralReportsLate(),
                onTime == null ? null : onTime.rounded(RATE_SCALE));
    }
}
