package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.events.ReplyDrafted;
import org.letterdesk.events.ReviewApproved;
import org.letterdesk.events.ReviewLevel;
import org.letterdesk.events.ReviewRejected;
import org.letterdesk.problem.ProblemCode;

import java.util.List;

import static org.letterdesk.command.letter.LetterFixtures.*;

/** Drafting (答复撰写), the wording check and the three-level review (三级审核) with the four-eyes rule. */
class LetterReviewTest {

    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ---------------------------------------------------------------- drafting

    @Test
    void draftingBeforeAssignmentIsRefused() {
        expectRefused(fixture.given(received().events())
                        .when(draft(CLEAN_CONTENT), asHandler()),
                ProblemCode.INVALID_TRANSITION, "must be assigned to a department");
    }

    @Test
    void firstDraftIsNumberedOneRecordsTheDrafterAndPutsTheLetterInReview() {
        fixture.given(assigned().events())
                .when(draft(CLEAN_CONTENT), asHandler())
                .expectEvents(new ReplyDrafted(LETTER_ID, 1, HANDLER, CLEAN_CONTENT, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW, "draftNo", 1,
                        "findings", List.of()));
    }

    @Test
    void draftWithAnAbsolutePromiseCarriesTheWordingFindingInItsEventAndResult() {
        fixture.given(assigned().events())
                .when(draft(PROMISING_CONTENT), asHandler())
                .expectEvents(new ReplyDrafted(LETTER_ID, 1, HANDLER, PROMISING_CONTENT, List.of(PROMISE_FINDING)))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW, "draftNo", 1,
                        "findings", List.of(PROMISE_FINDING)));
    }

    @Test
    void newDraftWhileInReviewIsNumberedNextAndNeedsReviewAgain() {
        fixture.given(formatApproved().events())
                .when(draft(CLEAN_CONTENT), as(HANDLER_2, "HANDLER"))
                .expectEvents(new ReplyDrafted(LETTER_ID, 2, HANDLER_2, CLEAN_CONTENT, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW, "draftNo", 2));
    }

    @Test
    void newDraftOfAFullyApprovedLetterTakesItBackToReview() {
        fixture.given(approved().events())
                .when(draft(CLEAN_CONTENT), asHandler())
                .expectEvents(new ReplyDrafted(LETTER_ID, 2, HANDLER, CLEAN_CONTENT, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW, "draftNo", 2));
    }

    // ---------------------------------------------------------------- review order

    @Test
    void reviewWithoutAnyDraftIsRefused() {
        expectRefused(fixture.given(assigned().events())
                        .when(approve(ReviewLevel.FORMAT), asReviewer()),
                ProblemCode.INVALID_TRANSITION, "no draft awaiting review");
    }

    @Test
    void formatIsTheFirstReviewLevelAndApprovesTheLatestDraft() {
        fixture.given(drafted().events())
                .when(approve(ReviewLevel.FORMAT), asReviewer())
                .expectEvents(new ReviewApproved(LETTER_ID, 1, ReviewLevel.FORMAT, REVIEWER, "同意"))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW));
    }

    @Test
    void supervisorReviewBeforeFormatIsRefusedAsReviewOrder() {
        expectRefused(fixture.given(drafted().events())
                        .when(approve(ReviewLevel.SUPERVISOR), asSupervisor()),
                ProblemCode.REVIEW_ORDER, "needs the FORMAT review next");
    }

    @Test
    void supervisorApprovalAfterFormatFullyApprovesARegularLetter() {
        fixture.given(formatApproved().events())
                .when(approve(ReviewLevel.SUPERVISOR), asSupervisor())
                .expectEvents(new ReviewApproved(LETTER_ID, 1, ReviewLevel.SUPERVISOR, SUPERVISOR, "同意"))
                .expectResultMessagePayloadMatching(result(LetterStatus.APPROVED));
    }

    @Test
    void directorReviewOfARegularLetterAwaitingSupervisorIsRefusedAsReviewOrder() {
        expectRefused(fixture.given(formatApproved().events())
                        .when(approve(ReviewLevel.DIRECTOR), asDirector()),
                ProblemCode.REVIEW_ORDER, "DIRECTOR");
    }

    @Test
    void directorReviewOfAFullyApprovedLetterThatIsNotMajorIsRefusedAsReviewOrder() {
        // DIRECTOR reviews only major issues: for any other letter that level is not part of the review order.
        expectRefused(fixture.given(approved().events())
                        .when(approve(ReviewLevel.DIRECTOR), asDirector()),
                ProblemCode.REVIEW_ORDER, "DIRECTOR");
    }

    @Test
    void approvingAFullyApprovedDraftAgainIsRefused() {
        expectRefused(fixture.given(approved().events())
                        .when(approve(ReviewLevel.SUPERVISOR), as("chief", "SUPERVISOR")),
                ProblemCode.INVALID_TRANSITION, "already fully approved");
    }

    @Test
    void majorLetterStaysInReviewAfterSupervisorApproval() {
        fixture.given(assigned().flagged(false, false, true, false).drafted(HANDLER, CLEAN_CONTENT)
                        .approved(ReviewLevel.FORMAT, REVIEWER).events())
                .when(approve(ReviewLevel.SUPERVISOR), asSupervisor())
                .expectEvents(new ReviewApproved(LETTER_ID, 1, ReviewLevel.SUPERVISOR, SUPERVISOR, "同意"))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW));
    }

    @Test
    void directorApprovalAfterSupervisorFullyApprovesAMajorLetter() {
        fixture.given(assigned().flagged(false, false, true, false).drafted(HANDLER, CLEAN_CONTENT)
                        .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR).events())
                .when(approve(ReviewLevel.DIRECTOR), asDirector())
                .expectEvents(new ReviewApproved(LETTER_ID, 1, ReviewLevel.DIRECTOR, DIRECTOR, "同意"))
                .expectResultMessagePayloadMatching(result(LetterStatus.APPROVED));
    }

    @Test
    void directorReviewOfAMajorLetterBeforeSupervisorIsRefusedAsReviewOrder() {
        expectRefused(fixture.given(assigned().flagged(false, false, true, false).drafted(HANDLER, CLEAN_CONTENT)
                                .approved(ReviewLevel.FORMAT, REVIEWER).events())
                        .when(approve(ReviewLevel.DIRECTOR), asDirector()),
                ProblemCode.REVIEW_ORDER, "needs the SUPERVISOR review next");
    }

    @Test
    void flaggingAnApprovedLetterMajorAddsTheDirectorLevel() {
        fixture.given(approved().flagged(false, false, true, false).events())
                .when(approve(ReviewLevel.DIRECTOR), asDirector())
                .expectEvents(new ReviewApproved(LETTER_ID, 1, ReviewLevel.DIRECTOR, DIRECTOR, "同意"))
                .expectResultMessagePayloadMatching(result(LetterStatus.APPROVED));
    }

    // ---------------------------------------------------------------- rejection and new drafts

    @Test
    void rejectionAtSupervisorSendsTheLetterBackToDrafting() {
        fixture.given(formatApproved().events())
                .when(reject(ReviewLevel.SUPERVISOR), asSupervisor())
                .expectEvents(new ReviewRejected(LETTER_ID, 1, ReviewLevel.SUPERVISOR, SUPERVISOR, "请补充退款时间"))
                .expectResultMessagePayloadMatching(result(LetterStatus.DRAFTING));
    }

    @Test
    void rejectionAtDirectorSendsAMajorLetterBackToDrafting() {
        fixture.given(assigned().flagged(false, false, true, false).drafted(HANDLER, CLEAN_CONTENT)
                        .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR).events())
                .when(reject(ReviewLevel.DIRECTOR), asDirector())
                .expectEvents(new ReviewRejected(LETTER_ID, 1, ReviewLevel.DIRECTOR, DIRECTOR, "请补充退款时间"))
                .expectResultMessagePayloadMatching(result(LetterStatus.DRAFTING));
    }

    @Test
    void reviewOfARejectedDraftIsRefusedUntilANewDraft() {
        expectRefused(fixture.given(drafted().rejected(ReviewLevel.FORMAT, REVIEWER).events())
                        .when(approve(ReviewLevel.FORMAT), as("rex", "REVIEWER")),
                ProblemCode.INVALID_TRANSITION, "no draft awaiting review");
    }

    @Test
    void newDraftAfterRejectionCanBeReviewedAgainFromFormat() {
        fixture.given(formatApproved().rejected(ReviewLevel.SUPERVISOR, SUPERVISOR)
                        .drafted(HANDLER, CLEAN_CONTENT).events())
                .when(approve(ReviewLevel.FORMAT), asReviewer())
                .expectEvents(new ReviewApproved(LETTER_ID, 2, ReviewLevel.FORMAT, REVIEWER, "同意"))
                .expectResultMessagePayloadMatching(result(LetterStatus.IN_REVIEW));
    }

    @Test
    void newDraftVoidsEarlierApprovalsSoSupervisorReviewIsOutOfOrder() {
        expectRefused(fixture.given(formatApproved().drafted(HANDLER, CLEAN_CONTENT).events())
                        .when(approve(ReviewLevel.SUPERVISOR), asSupervisor()),
                ProblemCode.REVIEW_ORDER, "needs the FORMAT review next");
    }

    @Test
    void newDraftIsApprovedAtFormatUnderItsOwnDraftNumber() {
        fixture.given(formatApproved().drafted(HANDLER, CLEAN_CONTENT).events())
                .when(approve(ReviewLevel.FORMAT), asReviewer())
                .expectEvents(new ReviewApproved(LETTER_ID, 2, ReviewLevel.FORMAT, REVIEWER, "同意"));
    }

    // ---------------------------------------------------------------- four eyes

    @Test
    void drafterMayNotReviewTheirOwnDraftAtFormat() {
        expectRefused(fixture.given(drafted().events())
                        .when(approve(ReviewLevel.FORMAT), as(HANDLER, "REVIEWER")),
                ProblemCode.FOUR_EYES, "may not review it");
    }

    @Test
    void drafterMayNotRejectTheirOwnDraftEither() {
        expectRefused(fixture.given(drafted().events())
                        .when(reject(ReviewLevel.FORMAT), as(HANDLER, "REVIEWER")),
                ProblemCode.FOUR_EYES, "may not review it");
    }

    @Test
    void drafterMayNotReviewTheirOwnDraftAtSupervisor() {
        expectRefused(fixture.given(formatApproved().events())
                        .when(approve(ReviewLevel.SUPERVISOR), as(HANDLER, "SUPERVISOR")),
                ProblemCode.FOUR_EYES, "may not review it");
    }

    @Test
    void drafterOfAnEarlierDraftMayReviewSomeoneElsesNewDraft() {
        fixture.given(drafted().rejected(ReviewLevel.FORMAT, REVIEWER).drafted(HANDLER_2, CLEAN_CONTENT).events())
                .when(approve(ReviewLevel.FORMAT), as(HANDLER, "REVIEWER"))
                .expectEvents(new ReviewApproved(LETTER_ID, 2, ReviewLevel.FORMAT, HANDLER, "同意"));
    }

    @Test
    void formatReviewerMayNotAlsoApproveTheSupervisorLevel() {
        expectRefused(fixture.given(formatApproved().events())
                        .when(approve(ReviewLevel.SUPERVISOR), as(REVIEWER, "SUPERVISOR")),
                ProblemCode.FOUR_EYES, "already approved another level");
    }

    @Test
    void supervisorMayNotAlsoApproveTheDirectorLevelOfAMajorLetter() {
        expectRefused(fixture.given(assigned().flagged(false, false, true, false).drafted(HANDLER, CLEAN_CONTENT)
                                .approved(ReviewLevel.FORMAT, REVIEWER)
                                .approved(ReviewLevel.SUPERVISOR, "chief").events())
                        .when(approve(ReviewLevel.DIRECTOR), as("chief", "DIRECTOR")),
                ProblemCode.FOUR_EYES, "already approved another level");
    }

    @Test
    void formatReviewerOfAnEarlierDraftMayApproveAnotherLevelOfTheNewDraft() {
        fixture.given(formatApproved().drafted(HANDLER, CLEAN_CONTENT).approved(ReviewLevel.FORMAT, "rex").events())
                .when(approve(ReviewLevel.SUPERVISOR), as(REVIEWER, "SUPERVISOR"))
                .expectEvents(new ReviewApproved(LETTER_ID, 2, ReviewLevel.SUPERVISOR, REVIEWER, "同意"))
                .expectResultMessagePayloadMatching(result(LetterStatus.APPROVED));
    }

    // ---------------------------------------------------------------- wording check

    @Test
    void formatApprovalIsRefusedWhileTheLatestDraftHasWordingFindings() {
        expectRefused(fixture.given(assigned().drafted(HANDLER, PROMISING_CONTENT).events())
                        .when(approve(ReviewLevel.FORMAT), asReviewer()),
                ProblemCode.WORDING_FINDINGS, "1 wording findings");
    }

    @Test
    void formatRejectionOfADraftWithWordingFindingsIsAllowed() {
        fixture.given(assigned().drafted(HANDLER, PROMISING_CONTENT).events())
                .when(reject(ReviewLevel.FORMAT), asReviewer())
                .expectEvents(new ReviewRejected(LETTER_ID, 1, ReviewLevel.FORMAT, REVIEWER, "请补充退款时间"))
                .expectResultMessagePayloadMatching(result(LetterStatus.DRAFTING));
    }

    @Test
    void formatApprovalIsAllowedOnceACleanNewDraftReplacesTheOneWithFindings() {
        fixture.given(assigned().drafted(HANDLER, PROMISING_CONTENT).drafted(HANDLER, CLEAN_CONTENT).events())
                .when(approve(ReviewLevel.FORMAT), asReviewer())
                .expectEvents(new ReviewApproved(LETTER_ID, 2, ReviewLevel.FORMAT, REVIEWER, "同意"));
    }

    @Test
    void formatApprovalIsRefusedWhenANewDraftReintroducesWordingFindings() {
        expectRefused(fixture.given(assigned().drafted(HANDLER, CLEAN_CONTENT).drafted(HANDLER, PROMISING_CONTENT)
                                .events())
                        .when(approve(ReviewLevel.FORMAT), asReviewer()),
                ProblemCode.WORDING_FINDINGS, "Draft 2");
    }
}
