package org.letterdesk.command.letter;

import org.junit.jupiter.api.Test;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.events.ReplyContent;
import org.letterdesk.events.ReplyDrafted;
import org.letterdesk.problem.ProblemCode;

import java.util.List;

import static org.letterdesk.command.letter.LetterFixtures.*;

/** A complex letter's draft must offer at least two alternatives (A/B 方案); other letters need none. */
class LetterComplexDraftTest {

    private static final ReplyContent TWO_ALTERNATIVES = new ReplyContent("尊敬的张三先生：", "您来信反映的账单多收费用问题",
            List.of("　　一、经核实，您的账单多收了十二元。"), List.of(),
            List.of("退还至原支付账户", "抵扣下月账单"));
    private static final ReplyContent ONE_ALTERNATIVE = new ReplyContent("尊敬的张三先生：", "您来信反映的账单多收费用问题",
            List.of("　　一、经核实，您的账单多收了十二元。"), List.of(), List.of("退还至原支付账户", " "));

    @Test
    void aComplexLettersDraftWithFewerThanTwoAlternativesIsRefused() {
        expectRefused(newFixture().given(LetterFixtures.assigned().flagged(false, false, false, true).events())
                        .when(draft(ONE_ALTERNATIVE), asHandler()),
                ProblemCode.ALTERNATIVES_REQUIRED, "at least 2 alternatives");
    }

    @Test
    void aComplexLettersDraftWithTwoAlternativesIsTaken() {
        newFixture().given(LetterFixtures.assigned().flagged(false, false, false, true).events())
                .when(draft(TWO_ALTERNATIVES), asHandler())
                .expectEvents(new ReplyDrafted(LETTER_ID, 1, HANDLER, TWO_ALTERNATIVES, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW, "draftNo", 1));
    }

    @Test
    void anOrdinaryLetterNeedsNoAlternatives() {
        newFixture().given(LetterFixtures.assigned().events())
                .when(draft(CLEAN_CONTENT), asHandler())
                .expectEvents(new ReplyDrafted(LETTER_ID, 1, HANDLER, CLEAN_CONTENT, List.of()));
    }
}
