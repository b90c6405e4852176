package org.letterdesk.query.quality;

import org.letterdesk.events.CorrectionCause;
import org.letterdesk.events.FoundBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The raw counts of one department (or of several, added up) in one month. Every figure of the analysis is
 * computed from these, and the total is the sum of the departments' counts, never an average of their rates.
 *
 * @param handlingSeconds the sum of (reply sentAt − receivedAt) over the letters replied in the month
 */
record QualityCounts(long lettersReceived, long lettersReplied, BigDecimal handlingSeconds,
                     long firstResponsesDue, long firstResponsesOnTime, long repliesDue, long repliesOnTime,
                     Map<CorrectionCause, Long> correctionsByCause, Map<FoundBy, Long> correctionsByFoundBy,
                     long lettersDrafted, long lettersWithWordingFindings, long disputesOpened,
                     long disputesResolved) {

    static final QualityCounts NONE = new QualityCounts(0, 0, BigDecimal.ZERO, 0, 0, 0, 0,
            zeros(CorrectionCause.class), zeros(FoundBy.class), 0, 0, 0, 0);

    QualityCounts {
        correctionsByCause = Collections.unmodifiableMap(new EnumMap<>(correctionsByCause));
        correctionsByFoundBy = Collections.unmodifiableMap(new EnumMap<>(correctionsByFoundBy));
    }

    static QualityCounts letters(long received, long replied, BigDecimal handlingSeconds, long firstResponsesDue,
                                 long firstResponsesOnTime, long repliesDue, long repliesOnTime) {
        return new QualityCounts(received, replied, handlingSeconds, firstResponsesDue, firstResponsesOnTime,
                repliesDue, repliesOnTime, NONE.correctionsByCause, NONE.correctionsByFoundBy, 0, 0, 0, 0);
    }

    static QualityCounts drafts(long lettersDrafted, long lettersWithWordingFindings) {
        return new QualityCounts(0, 0, BigDecimal.ZERO, 0, 0, 0, 0, NONE.correctionsByCause,
                NONE.correctionsByFoundBy, lettersDrafted, lettersWithWordingFindings, 0, 0);
    }

    static QualityCounts corrections(CorrectionCause cause, FoundBy foundBy, long count) {
        Map<CorrectionCause, Long> byCause = zeros(CorrectionCause.class);
        byCause.put(cause, count);
        Map<FoundBy, Long> byFoundBy = zeros(FoundBy.class);
        byFoundBy.put(foundBy, count);
        return new QualityCounts(0, 0, BigDecimal.ZERO, 0, 0, 0, 0, byCause, byFoundBy, 0, 0, 0, 0);
    }

    static QualityCounts disputes(long opened, long resolved) {
        return new QualityCounts(0, 0, BigDecimal.ZERO, 0, 0, 0, 0, NONE.correctionsByCause,
                NONE.correctionsByFoundBy, 0, 0, opened, resolved);
    }

    long correctionsIssued() {
        return correctionsByCause.values().stream().mapToLong(Long::longValue).sum();
    }

    QualityCounts plus(QualityCounts o) {
        return new QualityCounts(lettersReceived + o.lettersReceived, lettersReplied + o.lettersReplied,
                handlingSeconds.add(o.handlingSeconds), firstResponsesDue + o.firstResponsesDue,
                firstResponsesOnTime + o.firstResponsesOnTime, repliesDue + o.repliesDue,
                repliesOnTime + o.repliesOnTime, sum(correctionsByCause, o.correctionsByCause),
                sum(correctionsByFoundBy, o.correctionsByFoundBy), lettersDrafted + o.lettersDrafted,
                lettersWithWordingFindings + o.lettersWithWordingFindings, disputesOpened + o.disputesOpened,
                disputesResolved + o.disputesResolved);
    }

    private static <K extends Enum<K>> Map<K, Long> zeros(Class<K> type) {
        Map<K, Long> map = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            map.put(key, 0L);
        }
        return map;
    }

    private static <K extends Enum<K>> Map<K, Long> sum(Map<K, Long> a, Map<K, Long> b) {
        Map<K, Long> result = new EnumMap<>(a);
        b.forEach((key, n) -> result.merge(key, n, Long::sum));
        return result;
    }
}
