package org.letterdesk.command.letter;

import org.junit.jupiter.api.Test;
import org.letterdesk.command.referral.ReferralCommands.SubmitReferralReport;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.events.ReferralRecorded;
import org.letterdesk.events.ReferralReported;
import org.letterdesk.events.ReplyContent;
import org.letterdesk.events.ReplyDrafted;
import org.letterdesk.events.ReviewLevel;
import org.letterdesk.problem.ProblemCode;

import java.util.List;

import static org.letterdesk.command.letter.LetterFixtures.*;

/**
 * Drafts and referral reports carry stored attachments (流程图, 截图): recorded with the draft or report they belong
 * to, so the reviewers approve them with it and a new draft with other files needs every approval again.
 */
class LetterDraftAttachmentsTest {

    private static final Attachment FLOWCHART = new Attachment("办理流程图.png", "image/png", 1536L, "a".repeat(64));
    private static final Attachment SCREENSHOT = new Attachment("截图.jpg", "image/jpeg", 20480L, "b".repeat(64));

    private static ReplyContent withFiles(Attachment... files) {
        return new ReplyContent(CLEAN_CONTENT.salutation(), CLEAN_CONTENT.summary(), CLEAN_CONTENT.points(),
                CLEAN_CONTENT.glossary(), CLEAN_CONTENT.alternatives(), List.of(files));
    }

    @Test
    void aDraftRecordsItsAttachments() {
        newFixture().given(LetterFixtures.assigned().events())
                .when(draft(withFiles(FLOWCHART, SCREENSHOT)), asHandler())
                .expectEvents(new ReplyDrafted(LETTER_ID, 1, HANDLER, withFiles(FLOWCHART, SCREENSHOT), List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW, "draftNo", 1));
    }

    @Test
    void aNewDraftWithOtherAttachmentsNeedsEveryApprovalAgain() {
        expectRefused(newFixture().given(LetterFixtures.assigned().drafted(HANDLER, withFiles(FLOWCHART))
                                .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR)
                                .drafted(HANDLER, withFiles(FLOWCHART, SCREENSHOT)).events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "no fully approved draft");
    }

    @Test
    void aReferralReportRecordsItsAttachments() {
        newFixture().given(LetterFixtures.received()
                        .event(new ReferralRecorded(LETTER_ID, "县政府办公室督查科", "县委第12号批办件", null))
                        .assigned().events())
                .when(new SubmitReferralReport(LETTER_ID, null, "反映的问题", "基本情况", "调查办理情况", "处理结果",
                        List.of(SCREENSHOT)), asHandler())
                .expectEvents(new ReferralReported(LETTER_ID, 1, "反映的问题", "基本情况", "调查办理情况", "处理结果",
                        HANDLER, List.of(SCREENSHOT)));
    }
}
