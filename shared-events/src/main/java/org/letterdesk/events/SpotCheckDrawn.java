package org.letterdesk.events;

import java.time.Instant;
import java.util.List;

/**
 * The month's spot-check sample (内部抽查每月1次), drawn from the letters replied in that month. Reproducible:
 * the candidates sorted by letter id, shuffled with {@code java.util.Random(seed)} (Fisher–Yates from the end),
 * the first {@code sampleSize} taken. The drawn letters are recorded here, never recomputed.
 *
 * @param month             the sampled month, {@code YYYY-MM}
 * @param population        how many letters were replied in the month when it was drawn
 * @param populationDigest  SHA-256 (hex) of the sorted candidate ids joined by {@code \n}
 * @param automatic         drawn by the system on the next month's first working day
 */
public record SpotCheckDrawn(String spotCheckId, String month, long seed, int sampleSize, int population,
                             String populationDigest, List<String> letters, String drawnBy, boolean automatic,
                             Instant drawnAt) {
    public SpotCheckDrawn {
        letters = letters == null ? List.of() : List.copyOf(letters);
    }
}
