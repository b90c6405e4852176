package org.letterdesk.command.spotcheck;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The spot check's draw is reproducible from its seed and the month's replied letters, in any order given. */
class SampleDrawTest {

    private static final List<String> REPLIED = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> String.format("0190a1b2-0000-7000-8000-%012d", i)).toList();

    @Test
    void drawingTwiceFromTheSameSeedGivesTheSameLetters() {
        List<String> first = SampleDraw.draw(REPLIED, 5, 20230401L);
        List<String> shuffled = new ArrayList<>(REPLIED);
        Collections.shuffle(shuffled, new Random(7));
        List<String> second = SampleDraw.draw(shuffled, 5, 20230401L);
        System.out.println("Seed 20230401, 40 replied letters, sample of 5: " + first);
        assertThat(second).isEqualTo(first);
        assertThat(first).hasSize(5).doesNotHaveDuplicates().allMatch(REPLIED::contains);
    }

    @Test
    void anotherSeedDrawsOtherwise() {
        assertThat(SampleDraw.draw(REPLIED, 5, 1L)).isNotEqualTo(SampleDraw.draw(REPLIED, 5, 2L));
    }

    @Test
    void aSampleAsLargeAsTheMonthTakesEveryLetterAndAnEmptyMonthNone() {
        assertThat(new HashSet<>(SampleDraw.draw(REPLIED, 100, 3L))).isEqualTo(new HashSet<>(REPLIED));
        assertThat(SampleDraw.draw(List.of(), 5, 3L)).isEmpty();
        assertThat(SampleDraw.draw(List.of("only"), 5, 3L)).containsExactly("only");
    }

    @Test
    void everyLetterCanBeDrawn() {
        HashSet<String> seen = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            seen.addAll(SampleDraw.draw(REPLIED, 3, seed));
        }
        assertThat(seen).isEqualTo(new HashSet<>(REPLIED));
    }

    @Test
    void theDigestNamesThePopulationWhateverItsOrder() {
        List<String> reversed = new ArrayList<>(REPLIED);
        Collections.reverse(reversed);
        assertThat(SampleDraw.populationDigest(reversed)).isEqualTo(SampleDraw.populationDigest(REPLIED))
                .hasSize(64);
        assertThat(SampleDraw.populationDigest(REPLIED.subList(1, 40)))
                .isNotEqualTo(SampleDraw.populationDigest(REPLIED));
    }
}
