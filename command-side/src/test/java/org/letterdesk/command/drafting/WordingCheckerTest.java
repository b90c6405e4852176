package org.letterdesk.command.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.letterdesk.events.GlossaryEntry;
import org.letterdesk.events.ReplyContent;
import org.letterdesk.events.WordingFinding;

class WordingCheckerTest {

    private final WordingChecker checker = new WordingChecker(WordingRules.defaults());

    @Test
    void cleanDraftHasNoFindings() {
        ReplyContent draft = new ReplyContent("张先生", "关于您反映的积分问题，现答复如下：",
                List.of("我们将在3个工作日内为您补发积分。"), List.of(new GlossaryEntry("会员积分", "即消费1元获得1积分。")),
                List.of("补发积分。", "兑换优惠券。"));

        assertThat(checker.check(draft)).isEmpty();
    }

    @Test
    void findsAbsolutePromiseWithItsPosition() {
        assertThat(checker.check(summary("我们保证三天内解决，绝不拖延。"))).containsExactly(
                new WordingFinding("ABSOLUTE_PROMISE", "保证", "summary", 2, null),
                new WordingFinding("ABSOLUTE_PROMISE", "绝不", "summary", 10, null));
    }

    @Test
    void findsSlangInAnyCaseForLatinLetters() {
        ReplyContent draft = new ReplyContent(null, null, List.of("服务很给力", "YYDS"), null, null);

        assertThat(checker.check(draft)).containsExactly(
                new WordingFinding("SLANG", "给力", "points[0]", 3, null),
                new WordingFinding("SLANG", "YYDS", "points[1]", 0, null));
    }

    @Test
    void latinAndDigitSlangMatchesWholeWordsOnly() {
        assertThat(checker.check(summary("请拨打4006668888，退款16660元。"))).isEmpty();
        assertThat(checker.check(summary("处理得666！"))).containsExactly(
                new WordingFinding("SLANG", "666", "summary", 3, null));
    }

    @Test
    void suggestsTheBrandTermForANonBrandTerm() {
        assertThat(checker.check(summary("作为老客户，您可享受优先服务。"))).containsExactly(
                new WordingFinding("NON_BRAND_TERM", "老客户", "summary", 2, "XX会员"));
    }

    @Test
    void doesNotFlagATermInsideTheRequiredBrandTerm() {
        WordingChecker memberChecker = new WordingChecker(
                new WordingRules(null, null, Map.of("会员", "XX会员")));

        assertThat(memberChecker.check(summary("XX会员积分"))).isEmpty();
        assertThat(memberChecker.check(summary("会员积分"))).containsExactly(
                new WordingFinding("NON_BRAND_TERM", "会员", "summary", 0, "XX会员"));
    }

    @Test
    void reportsTheLongestPhraseAtAPositionOnce() {
        WordingChecker longestChecker = new WordingChecker(
                new WordingRules(List.of("绝对", "保证", "绝对保证"), List.of("哈哈"), null));

        assertThat(longestChecker.check(summary("我们绝对保证，哈哈哈哈"))).containsExactly(
                new WordingFinding("ABSOLUTE_PROMISE", "绝对保证", "summary", 2, null),
                new WordingFinding("SLANG", "哈哈", "summary", 7, null),
                new WordingFinding("SLANG", "哈哈", "summary", 9, null));
    }

    @Test
    void depositIsNotAPromise() {
        assertThat(checker.check(summary("保证金将在一定金额内退还。"))).isEmpty();
        assertThat(checker.check(summary("保证金保证退还"))).containsExactly(
                new WordingFinding("ABSOLUTE_PROMISE", "保证", "summary", 3, null));
    }

    @Test
    void checksEveryFieldInTemplateOrder() {
        ReplyContent draft = new ReplyContent("亲~", "肯定没问题", List.of("正常", "一定办好"),
                List.of(new GlossaryEntry("老客户", "永远优先")), List.of("方案可行", "神马都行"));

        assertThat(checker.check(draft)).containsExactly(
                new WordingFinding("SLANG", "亲~", "salutation", 0, null),
                new WordingFinding("ABSOLUTE_PROMISE", "肯定", "summary", 0, null),
                new WordingFinding("ABSOLUTE_PROMISE", "一定", "points[1]", 0, null),
                new WordingFinding("NON_BRAND_TERM", "老客户", "glossary[0]", 0, "XX会员"),
                new WordingFinding("ABSOLUTE_PROMISE", "永远", "glossary[0]", 4, null),
                new WordingFinding("SLANG", "神马", "alternatives[1]", 0, null));
    }

    private static ReplyContent summary(String text) {
        return new ReplyContent(null, text, null, null, null);
    }
}
