package org.letterdesk.command.drafting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.letterdesk.events.GlossaryEntry;
import org.letterdesk.events.ReplyContent;
import org.letterdesk.events.WordingFinding;

/**
 * The wording check (措辞检查) run on every reply draft: absolute promises, internet slang and
 * non-brand terms are findings.
 *
 * <p>Each field is scanned left to right; at each position the longest configured phrase wins
 * and the scan resumes after it, so a phrase inside a longer one is not reported twice.
 * Fields are checked in template order: salutation, summary, points[i], glossary[i],
 * alternatives[i]. A glossary entry is checked as {@code term：explanation}, and positions in
 * it count in that form.
 */
public final class WordingChecker {

    private enum Kind {
        ABSOLUTE_PROMISE, SLANG, NON_BRAND_TERM,
        /** The required wording itself: matched only so that the terms inside it are not flagged. */
        BRAND_TERM
    }

    // Longest first, so the first phrase matching at a position is the longest there.
    private final List<Phrase> phrases;

    public WordingChecker(WordingRules rules) {
        Objects.requireNonNull(rules, "rules");
        List<Phrase> all = new ArrayList<>();
        rules.absolutePromises().forEach(text -> all.add(new Phrase(text, Kind.ABSOLUTE_PROMISE, null)));
        rules.slang().forEach(text -> all.add(new Phrase(text, Kind.SLANG, null)));
        rules.brandTerms().forEach((term, brandTerm) -> {
            all.add(new Phrase(term, Kind.NON_BRAND_TERM, brandTerm));
            all.add(new Phrase(brandTerm, Kind.BRAND_TERM, null));
        });
        all.sort(Comparator.comparingInt((Phrase phrase) -> phrase.text().length()).reversed()
                .thenComparing(Phrase::kind));
        phrases = List.copyOf(all);
    }

    /** All findings in the draft, in field order and then by position; empty when the wording is clean. */
    public List<WordingFinding> check(ReplyContent draft) {
        Objects.requireNonNull(draft, "draft");
        List<WordingFinding> findings = new ArrayList<>();
        scan("salutation", draft.salutation(), findings);
        scan("summary", draft.summary(), findings);
        for (int i = 0; i < draft.points().size(); i++) {
            scan("points[" + i + "]", draft.points().get(i), findings);
        }
        for (int i = 0; i < draft.glossary().size(); i++) {
            scan("glossary[" + i + "]", asText(draft.glossary().get(i)), findings);
        }
        for (int i = 0; i < draft.alternatives().size(); i++) {
            scan("alternatives[" + i + "]", draft.alternatives().get(i), findings);
        }
        return List.copyOf(findings);
    }

    private void scan(String field, String text, List<WordingFinding> findings) {
        if (text == null) {
            return;
        }
        int position = 0;
        while (position < text.length()) {
            Phrase phrase = longestMatchAt(text, position);
            if (phrase == null) {
                position++;
                continue;
            }
            int end = position + phrase.text().length();
            if (phrase.kind() != Kind.BRAND_TERM) {
                findings.add(new WordingFinding(phrase.kind().name(), text.substring(position, end),
                        field, position, phrase.suggestion()));
            }
            position = end;
        }
    }

    private Phrase longestMatchAt(String text, int position) {
        for (Phrase phrase : phrases) {
            if (phrase.matchesAt(text, position)) {
                return phrase;
            }
        }
        return null;
    }

    private static String asText(GlossaryEntry entry) {
        return Objects.toString(entry.term(), "") + "：" + Objects.toString(entry.explanation(), "");
    }

    private record Phrase(String text, Kind kind, String suggestion) {

        boolean matchesAt(String field, int position) {
            int end = position + text.length();
            return field.regionMatches(true, position, text, 0, text.length())
                    && isWholeWordAtLatinEdges(field, position, end)
                    && !isDepositTerm(field, end);
        }

        // Latin and digit phrases match whole words only: 666 is slang, 16660 or 4006668888 are not.
        private boolean isWholeWordAtLatinEdges(String field, int start, int end) {
            boolean joinedBefore = isLatinOrDigit(text.charAt(0)) && start > 0
                    && isLatinOrDigit(field.charAt(start - 1));
            boolean joinedAfter = isLatinOrDigit(text.charAt(text.length() - 1)) && end < field.length()
                    && isLatinOrDigit(field.charAt(end));
            return !joinedBefore && !joinedAfter;
        }

        // 保证金 is a deposit and 一定金额 a certain amount, not promises: a promise phrase
        // immediately followed by 金 names money.
        private boolean isDepositTerm(String field, int end) {
            return kind == Kind.ABSOLUTE_PROMISE && end < field.length() && field.charAt(end) == '金';
        }

        private static boolean isLatinOrDigit(char c) {
            return c < 128 && Character.isLetterOrDigit(c);
        }
    }
}
