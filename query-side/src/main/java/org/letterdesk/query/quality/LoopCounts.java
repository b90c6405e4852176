package org.letterdesk.query.quality;

import org.letterdesk.events.Satisfaction;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The raw counts of the quality loop of one department (or several, added up) in one month: reply commitments,
 * the satisfaction of follow-ups, the spot check. Figures are computed from these; the total adds the counts.
 *
 * @param spotCheckDrawn   letters of the department in the month's spot-check sample
 * @param spotCheckChecked of those, with a result
 * @param spotCheckErrors  of those, found wrong (ERROR)
 */
record LoopCounts(long commitmentsMade, long commitmentsDue, long commitmentsFulfilledOnTime,
                  long commitmentsMissed, Map<Satisfaction, Long> satisfaction, long spotCheckDrawn,
                  long spotCheckChecked, long spotCheckErrors) {

    static final LoopCounts NONE = new LoopCounts(0, 0, 0, 0, zeros(), 0, 0, 0);

    LoopCounts {
        satisfaction = Collections.unmodifiableMap(new EnumMap<>(satisfaction));
    }

    static LoopCounts commitments(long made, long due, long fulfilledOnTime, long missed) {
        return new LoopCounts(made, due, fulfilledOnTime, missed, NONE.satisfaction, 0, 0, 0);
    }

    static LoopCounts satisfaction(Satisfaction level, long count) {
        Map<Satisfaction, Long> levels = zeros();
        levels.put(level, count);
        return new LoopCounts(0, 0, 0, 0, levels, 0, 0, 0);
    }

    static LoopCounts spotCheck(long drawn, long checked, long errors) {
        return new LoopCounts(0, 0, 0, 0, NONE.satisfaction, drawn, checked, errors);
    }

    long followUpsRated() {
        return satisfaction.values().stream().mapToLong(Long::longValue).sum();
    }

    long satisfied() {
        return satisfaction.entrySet().stream().filter(e -> e.getKey().satisfied()).mapToLong(Map.Entry::getValue)
                .sum();
    }

    long dissatisfied() {
        return satisfaction.entrySet().stream().filter(e -> e.getKey().dissatisfied())
                .mapToLong(Map.Entry::getValue).sum();
    }

    LoopCounts plus(LoopCounts o) {
        Map<Satisfaction, Long> levels = new EnumMap<>(satisfaction);
        o.satisfaction.forEach((k, n) -> levels.merge(k, n, Long::sum));
        return new LoopCounts(commitmentsMade + o.commitmentsMade, commitmentsDue + o.commitmentsDue,
                commitmentsFulfilledOnTime + o.commitmentsFulfilledOnTime, commitmentsMissed + o.commitmentsMissed,
                levels, spotCheckDrawn + o.spotCheckDrawn, spotCheckChecked + o.spotCheckChecked,
                spotCheckErrors + o.spotCheckErrors);
    }

    private static Map<Satisfaction, Long> zeros() {
        Map<Satisfaction, Long> map = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : Satisfaction.values()) {
            map.put(s, 0L);
        }
        return map;
    }
}
