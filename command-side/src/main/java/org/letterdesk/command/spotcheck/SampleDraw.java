package org.letterdesk.command.spotcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The monthly spot check's sample (内部抽查), reproducible from its seed and the letters replied in the month: the
 * candidates sorted by letter id, shuffled with {@code java.util.Random(seed)} (Fisher–Yates from the end; its
 * sequence is specified by the JDK, so every JVM draws the same), the first {@code size} taken in draw order.
 */
public final class SampleDraw {

    private SampleDraw() {
    }

    /** The drawn letters: at most {@code size}, all when fewer replied; none from an empty month. */
    public static List<String> draw(Collection<String> repliedLetters, int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("sample size must not be negative: " + size);
        }
        List<String> letters = new ArrayList<>(sorted(repliedLetters));
        Random random = new Random(seed);
        int taken = Math.min(size, letters.size());
        for (int i = letters.size() - 1; i >= letters.size() - taken && i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = letters.get(i);
            letters.set(i, letters.get(j));
            letters.set(j, swap);
        }
        // The shuffled tail holds the draw, last position first.
        List<String> drawn = new ArrayList<>(taken);
        for (int i = letters.size() - 1; drawn.size() < taken; i--) {
            drawn.add(letters.get(i));
        }
        return List.copyOf(drawn);
    }

    /** SHA-256 (hex) of the sorted candidate ids joined by newlines: records which population was drawn from. */
    public static String populationDigest(Collection<String> repliedLetters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", sorted(repliedLetters)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static List<String> sorted(Collection<String> letters) {
        return letters.stream().distinct().sorted().toList();
    }
}
