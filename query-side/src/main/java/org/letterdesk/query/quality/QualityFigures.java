package org.letterdesk.query.quality;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the monthly analysis: the counts and the figures computed from them, as docs/quality-metrics.md
 * defines them. Rates are fractions (0..1) to 4 decimals, the score is on 0..100 to 1 decimal, hours to 2
 * decimals; a figure whose denominator is 0 is null.
 */
public record QualityFigures(String department,
                             long lettersReceived,
                             long lettersReplied,
                             long firstResponsesDue,
                             long firstResponsesOnTime,
                             BigDecimal firstResponseOnTimeRate,
                             long repliesDue,
                             long repliesOnTime,
                             BigDecimal replyOnTimeRate,
                             long correctionsIssued,
                             Map<String, Long> correctionsByCause,
                             Map<String, Long> correctionsByFoundBy,
                             long lettersDrafted,
                             long lettersWithWordingFindings,
                             long disputesOpened,
                             long disputesResolved,
                             BigDecimal meanHandlingHours,
                             BigDecimal accuracy,
                             BigDecimal timeliness,
                             BigDecimal professionalism,
                             BigDecimal qualityScore) {

    private static final int RATE_SCALE = 4;
    private static final int HOURS_SCALE = 2;
    private static final int SCORE_SCALE = 1;
    // The seed's weights (质量标准): 准确性 40 %, 及时性 30 %, 专业性 30 %.
    private static final long ACCURACY_WEIGHT = 40;
    private static final long TIMELINESS_WEIGHT = 30;
    private static final long PROFESSIONALISM_WEIGHT = 30;

    static QualityFigures of(String department, QualityCounts c) {
        return of(department, c, 0);
    }

    /**
     * @param commitmentsMissed reply commitments of the department missed in the month (答复承诺事项 not kept): a
     *                          broken promise counts against accuracy like a wrong reply
     */
    static QualityFigures of(String department, QualityCounts c, long commitmentsMissed) {
        Ratio firstResponse = Ratio.of(c.firstResponsesOnTime(), c.firstResponsesDue());
        Ratio reply = Ratio.of(c.repliesOnTime(), c.repliesDue());
        Ratio accuracy = complement(Ratio.of(c.correctionsIssued() + commitmentsMissed, c.lettersReplied()));
        Ratio timeliness = reply;
        Ratio professionalism = complement(Ratio.of(c.lettersWithWordingFindings(), c.lettersDrafted()));
        Ratio handlingHours = Ratio.of(c.handlingSeconds(), c.lettersReplied());
        return new QualityFigures(department, c.lettersReceived(), c.lettersReplied(),
                c.firstResponsesDue(), c.firstResponsesOnTime(), round(firstResponse, RATE_SCALE),
                c.repliesDue(), c.repliesOnTime(), round(reply, RATE_SCALE),
                c.correctionsIssued(), names(c.correctionsByCause()), names(c.correctionsByFoundBy()),
                c.lettersDrafted(), c.lettersWithWordingFindings(), c.disputesOpened(), c.disputesResolved(),
                round(handlingHours == null ? null : handlingHours.dividedBy(3600), HOURS_SCALE),
                round(accuracy, RATE_SCALE), round(timeliness, RATE_SCALE), round(professionalism, RATE_SCALE),
                round(score(accuracy, timeliness, professionalism), SCORE_SCALE));
    }

    /**
     * 40 % accuracy + 30 % timeliness + 30 % professionalism, on 0..100, from the exact parts. Null when any part
     * is undefined: a score over fewer criteria is not the seed's score and would not compare with the others.
     */
    static Ratio score(Ratio accuracy, Ratio timeliness, Ratio professionalism) {
        if (accuracy == null || timeliness == null || professionalism == null) {
            return null;
        }
        return accuracy.times(ACCURACY_WEIGHT).plus(timeliness.times(TIMELINESS_WEIGHT))
                .plus(professionalism.times(PROFESSIONALISM_WEIGHT));
    }

    private static Ratio complement(Ratio ratio) {
        return ratio == null ? null : ratio.complement();
    }

    private static BigDecimal round(Ratio ratio, int scale) {
        return ratio == null ? null : ratio.rounded(scale);
    }

    /** Every value of the enum, in its order, 0 when none. */
    private static <K extends Enum<K>> Map<String, Long> names(Map<K, Long> counts) {
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.forEach((key, n) -> byName.put(key.name(), n));
        return byName;
    }
}
