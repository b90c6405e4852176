package org.letterdesk.query.rebuild;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenLettersTest {

    @Test
    void neverForgetsALetterItWasToldOfAndRarelyClaimsOneItWasNot() {
        WrittenLetters written = new WrittenLetters();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String letterId = UUID.randomUUID().toString();
            written.add(letterId);
            added.add(letterId);
        }
        assertThat(added).allMatch(written::mightContain);

        int wrong = 0;
        for (int i = 0; i < 100_000; i++) {
            if (written.mightContain(UUID.randomUUID().toString())) {
                wrong++;
            }
        }
        // 2^25 bits and 7 hashes hold 200 000 letters with a false "maybe" rate far below 0.1 %.
        assertThat(wrong).isLessThan(100);
    }
}
