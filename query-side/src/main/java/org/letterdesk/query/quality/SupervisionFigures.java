package org.letterdesk.query.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the supervision figures (督办) in the monthly analysis (docs/quality-metrics.md, "Supervision"):
 * items opened (by reason), raised to the director by a reminder (催办), and resolved, in the month.
 */
public record SupervisionFigures(String department, long supervisionsOpened, Map<String, Long> openedByReason,
                                 long raisedToDirector, long supervisionsResolved) {

    static SupervisionFigures of(String department, SupervisionCounts c) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        c.opened().forEach((reason, n) -> reasons.put(reason.name(), n));
        return new SupervisionFigures(department, c.openedTotal(), reasons, c.raised(), c.resolved());
    }
}
