package org.letterdesk.query.quality;

import org.letterdesk.events.SupervisionReason;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A month's supervision (督办) counts of one department (or several, added up).
 *
 * @param opened   items opened in the month, by reason
 * @param raised   items raised to the director (level 2) by a reminder in the month
 * @param resolved items resolved in the month (by a supervisor or director, or by the missing answer)
 */
record SupervisionCounts(Map<SupervisionReason, Long> opened, long raised, long resolved) {

    static final SupervisionCounts NONE = new SupervisionCounts(zeros(), 0, 0);

    SupervisionCounts {
        opened = Collections.unmodifiableMap(new EnumMap<>(opened));
    }

    static SupervisionCounts opened(SupervisionReason reason, long count) {
        Map<SupervisionReason, Long> map = zeros();
        map.put(reason, count);
        return new SupervisionCounts(map, 0, 0);
    }

    static SupervisionCounts raisedAndResolved(long raised, long resolved) {
        return new SupervisionCounts(zeros(), raised, resolved);
    }

    long openedTotal() {
        return opened.values().stream().mapToLong(Long::longValue).sum();
    }

    SupervisionCounts plus(SupervisionCounts o) {
        Map<SupervisionReason, Long> map = new EnumMap<>(opened);
        o.opened.forEach((k, n) -> map.merge(k, n, Long::sum));
        return new SupervisionCounts(map, raised + o.raised, resolved + o.resolved);
    }

    private static Map<SupervisionReason, Long> zeros() {
        Map<SupervisionReason, Long> map = new EnumMap<>(SupervisionReason.class);
        for (SupervisionReason r : SupervisionReason.values()) {
            map.put(r, 0L);
        }
        return map;
    }
}
