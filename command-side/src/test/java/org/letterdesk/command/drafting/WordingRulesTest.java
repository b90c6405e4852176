package org.letterdesk.command.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WordingRulesTest {

    @Test
    void defaultsCoverTheProcedureExamples() {
        WordingRules defaults = WordingRules.defaults();

        assertThat(defaults.absolutePromises()).contains("保证", "绝不");
        assertThat(defaults.slang()).contains("给力", "yyds");
        assertThat(defaults.brandTerms()).containsEntry("老客户", "XX会员");
    }

    @Test
    void missingListsBecomeEmpty() {
        WordingRules rules = new WordingRules(null, null, null);

        assertThat(rules.absolutePromises()).isEmpty();
        assertThat(rules.slang()).isEmpty();
        assertThat(rules.brandTerms()).isEmpty();
    }

    @Test
    void keepsImmutableCopies() {
        List<String> promises = new ArrayList<>(List.of("保证"));
        Map<String, String> brandTerms = new HashMap<>(Map.of("老客户", "XX会员"));
        WordingRules rules = new WordingRules(promises, List.of(), brandTerms);

        promises.add("绝不");
        brandTerms.clear();

        assertThat(rules.absolutePromises()).containsExactly("保证");
        assertThat(rules.brandTerms()).containsOnlyKeys("老客户");
        assertThatThrownBy(() -> rules.slang().add("给力")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesBlankPhrases() {
        assertThatThrownBy(() -> new WordingRules(List.of("保证", " "), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WordingRules(null, null, Map.of("老客户", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
