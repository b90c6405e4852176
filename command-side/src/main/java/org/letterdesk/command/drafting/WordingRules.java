package org.letterdesk.command.drafting;

import java.util.List;
import java.util.Map;

/**
 * The phrases the wording check flags in a reply draft. They are configuration, not code;
 * {@link #defaults()} is the starting point.
 *
 * @param absolutePromises phrases that promise absolutely (绝对化表述), e.g. 保证
 * @param slang            internet slang (网络用语); Latin letters match case-insensitively
 * @param brandTerms       a non-brand term mapped to the brand term a reply must use instead,
 *                         e.g. 老客户 → XX会员
 */
public record WordingRules(List<String> absolutePromises, List<String> slang, Map<String, String> brandTerms) {

    public WordingRules {
        absolutePromises = phrases("absolute promise", absolutePromises);
        slang = phrases("slang", slang);
        brandTerms = brandTerms(brandTerms);
    }

    /** The examples of the procedure and the usual suspects of a content reviewer. */
    public static WordingRules defaults() {
        return new WordingRules(
                List.of("保证", "绝不", "绝对", "一定", "肯定", "必定", "百分之百", "百分百", "永远", "承诺", "万无一失"),
                List.of("木有", "神马", "给力", "杯具", "伤不起", "醉了", "666", "yyds", "绝绝子", "哈哈", "亲~", "亲～"),
                Map.of("老客户", "XX会员"));
    }

    private static List<String> phrases(String kind, List<String> phrases) {
        if (phrases == null) {
            return List.of();
        }
        phrases.forEach(phrase -> requirePhrase(kind, phrase));
        return List.copyOf(phrases);
    }

    private static Map<String, String> brandTerms(Map<String, String> brandTerms) {
        if (brandTerms == null) {
            return Map.of();
        }
        brandTerms.forEach((term, brandTerm) -> {
            requirePhrase("non-brand term", term);
            requirePhrase("brand term for " + term, brandTerm);
        });
        return Map.copyOf(brandTerms);
    }

    // A blank phrase would match everywhere; better to refuse the configuration at start-up.
    private static void requirePhrase(String kind, String phrase) {
        if (phrase == null || phrase.isBlank()) {
            throw new IllegalArgumentException("blank " + kind + " in the wording rules");
        }
    }
}
