package org.letterdesk.query.quality;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the quality loop in the monthly analysis (docs/quality-metrics.md, "The quality loop"): reply
 * commitments, follow-up satisfaction, and the spot check next to the errors customers' callbacks found. Rates
 * are fractions 0..1 to 4 decimals, null when their denominator is 0.
 */
public record LoopFigures(String department,
                          long commitmentsMade,
                          long commitmentsDue,
                          long commitmentsFulfilledOnTime,
                          long commitmentsMissed,
                          BigDecimal commitmentOnTimeRate,
                          long followUpsRated,
                          Map<String, Long> satisfaction,
                          BigDecimal satisfiedRate,
                          BigDecimal dissatisfiedRate,
                          long spotCheckDrawn,
                          long spotCheckChecked,
                          long spotCheckErrors,
                          BigDecimal spotCheckErrorRate,
                          long callbackErrors) {

    private static final int RATE_SCALE = 4;

    static LoopFigures of(String department, LoopCounts c, long callbackErrors) {
        Map<String, Long> levels = new LinkedHashMap<>();
        c.satisfaction().forEach((level, n) -> levels.put(level.name(), n));
        return new LoopFigures(department, c.commitmentsMade(), c.commitmentsDue(),
                c.commitmentsFulfilledOnTime(), c.commitmentsMissed(),
                rate(c.commitmentsFulfilledOnTime(), c.commitmentsDue()), c.followUpsRated(), levels,
                rate(c.satisfied(), c.followUpsRated()), rate(c.dissatisfied(), c.followUpsRated()),
                c.spotCheckDrawn(), c.spotCheckChecked(), c.spotCheckErrors(),
                rate(c.spotCheckErrors(), c.spotCheckChecked()), callbackErrors);
    }

    private static BigDecimal rate(long part, long whole) {
        Ratio ratio = Ratio.of(part, whole);
        return ratio == null ? null : ratio.rounded(RATE_SCALE);
    }
}
