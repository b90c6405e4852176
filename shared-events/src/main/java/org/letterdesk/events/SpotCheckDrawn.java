package org.letterdesk.events;

import java.time.Instant;
import java.util.List;

/**
 * The month's spot-check sample (内部抽查) was drawn. Everything the draw depended on is recorded, so it is never
 * drawn again on replay and can be re-done by anyone from the seed and the month's replied letters
 * (SampleDraw: sorted ids, shuffled with {@code java.util.Random(seed)}).
 *
 * @param spotCheckId      {@code spot-check-YYYY-MM}
 * @param month            the month whose replied letters were sampled, {@code YYYY-MM} in the organisation's zone
 * @param sampleSize       the size asked for; fewer letters are drawn when fewer were replied
 * @param candidates       how many letters were replied in the month (the population drawn from)
 * @param populationDigest SHA-256 of the sorted candidate ids joined by newlines
 * @param letters          the drawn letters, in draw order
 * @param automatic        drawn by the system because nobody drew the month by its next month's first working day
 */
public record SpotCheckDrawn(String spotCheckId, String month, long seed, int sampleSize, int candidates,
                             String populationDigest, List<String> letters, boolean automatic, Instant drawnAt) {

    public SpotCheckDrawn {
        letters = List.copyOf(letters);
    }
}
