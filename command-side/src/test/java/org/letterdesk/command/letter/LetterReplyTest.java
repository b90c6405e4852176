package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.events.*;
import org.letterdesk.problem.ProblemCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.letterdesk.command.letter.LetterFixtures.*;

/** Sending the reply (发送) and the phone follow-up (电话跟进) of complex letters. */
class LetterReplyTest {

    /** A letter registered without a sender file keeps its personal data under a key of its own. */
    private static final String LETTER_KEY = "letter-" + LETTER_ID;

    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ---------------------------------------------------------------- an approved draft

    @Test
    void sendingTheFullyApprovedDraftOfARegularLetterClosesIt() {
        fixture.given(approved().events())
                .when(sendByPhone(), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.PHONE, null, null, NOW))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED, "openCorrections", 0,
                        "openDisputes", 0L));
    }

    @Test
    void sendingWithoutAnyDraftIsRefused() {
        expectRefused(fixture.given(assigned().events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "has no fully approved draft");
    }

    @Test
    void sendingADraftApprovedOnlyAtFormatIsRefused() {
        expectRefused(fixture.given(formatApproved().events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "has no fully approved draft");
    }

    @Test
    void sendingARejectedDraftIsRefused() {
        expectRefused(fixture.given(formatApproved().rejected(ReviewLevel.SUPERVISOR, SUPERVISOR).events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "has no fully approved draft");
    }

    @Test
    void sendingIsRefusedWhenANewerDraftThanTheApprovedOneExists() {
        expectRefused(fixture.given(approved().drafted(HANDLER, CLEAN_CONTENT).events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "has no fully approved draft");
    }

    @Test
    void sendingAMajorLetterWithoutDirectorApprovalIsRefused() {
        expectRefused(fixture.given(approved().flagged(false, false, true, false).events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "has no fully approved draft");
    }

    @Test
    void sendingAMajorLetterApprovedByTheDirectorIsAllowed() {
        fixture.given(approved().flagged(false, false, true, false).approved(ReviewLevel.DIRECTOR, DIRECTOR).events())
                .when(sendByPhone(), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.PHONE, null, null, NOW))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED));
    }

    @Test
    void sendingTwiceIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "already replied");
    }

    @Test
    void draftingAfterTheReplyWasSentIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(draft(CLEAN_CONTENT), asHandler()),
                ProblemCode.INVALID_TRANSITION, "issue a correction instead");
    }

    @Test
    void reviewingAfterTheReplyWasSentIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(approve(ReviewLevel.FORMAT), asReviewer()),
                ProblemCode.INVALID_TRANSITION, "no draft awaiting review");
    }

    // ---------------------------------------------------------------- flags that must be satisfied

    @Test
    void sendingALetterWithPersonalDataWithoutLegalApprovalIsRefused() {
        expectRefused(fixture.given(approved().flagged(true, false, false, false).events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "needs LEGAL approval");
    }

    @Test
    void sendingALetterWithPersonalDataAfterLegalApprovalIsAllowed() {
        fixture.given(approved().flagged(true, false, false, false).legalApproved().events())
                .when(sendByPhone(), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.PHONE, null, null, NOW));
    }

    @Test
    void sendingALetterWithFinancialInformationWithoutIdentityVerificationIsRefused() {
        expectRefused(fixture.given(approved().flagged(false, true, false, false).events())
                        .when(sendByPhone(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "re-verified by phone");
    }

    @Test
    void sendingALetterWithFinancialInformationAfterIdentityVerificationIsAllowed() {
        fixture.given(approved().flagged(false, true, false, false).identityVerified().events())
                .when(sendByPhone(), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.PHONE, null, null, NOW));
    }

    // ---------------------------------------------------------------- channels

    @Test
    void registeredMailWithoutTrackingNumberIsRefusedAsValidationFailure() {
        expectRefused(fixture.given(approved().events())
                        .when(send(ReplyChannel.REGISTERED_MAIL, null, null), asHandler()),
                ProblemCode.VALIDATION_FAILED, "trackingNo");
    }

    @Test
    void registeredMailWithBlankTrackingNumberIsRefusedAsValidationFailure() {
        expectRefused(fixture.given(approved().events())
                        .when(send(ReplyChannel.REGISTERED_MAIL, null, "   "), asHandler()),
                ProblemCode.VALIDATION_FAILED, "trackingNo");
    }

    @Test
    void registeredMailWithTrackingNumberRecordsIt() {
        fixture.given(approved().events())
                .when(send(ReplyChannel.REGISTERED_MAIL, "北京市朝阳区建国路1号", "XA123456789CN"), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.REGISTERED_MAIL, "北京市朝阳区建国路1号",
                        "XA123456789CN", NOW, LETTER_KEY));
    }

    @Test
    void emailToAValidAddressIsSentToThatAddress() {
        fixture.given(approved().events())
                .when(send(ReplyChannel.EMAIL, "other@example.org", null), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.EMAIL, "other@example.org", null, NOW,
                        LETTER_KEY));
    }

    @Test
    void theRecipientIsStoredUnderTheSenderFilesKey() {
        List<Object> events = new ArrayList<>(approved().events());
        LetterReceived r = (LetterReceived) events.get(0);
        events.set(0, new LetterReceived(r.letterId(), r.serialNo(), r.channel(), r.receivedAt(), r.sender(),
                r.subject(), r.coreRequest(), r.category(), r.attachments(), r.remarks(), SENDER_ID, 1, null));
        fixture.given(events)
                .when(send(ReplyChannel.EMAIL, "other@example.org", null), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.EMAIL, "other@example.org", null, NOW,
                        SENDER_ID));
    }

    @Test
    void emailToAnInvalidAddressIsRefusedAsValidationFailure() {
        expectRefused(fixture.given(approved().events())
                        .when(send(ReplyChannel.EMAIL, "not-an-address", null), asHandler()),
                ProblemCode.VALIDATION_FAILED, "recipient");
    }

    @Test
    void emailWithBlankRecipientFallsBackToTheSendersAddress() {
        fixture.given(approved().events())
                .when(send(ReplyChannel.EMAIL, " ", null), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.EMAIL, SENDER.email(), null, NOW,
                        LETTER_KEY));
    }

    @Test
    void emailWithBlankRecipientToASenderWithoutAddressIsRefusedAsValidationFailure() {
        expectRefused(fixture.given(new LetterFixtures.History().received(Channel.LETTER, SENDER_WITHOUT_EMAIL)
                                .assigned().drafted(HANDLER, CLEAN_CONTENT).approved(ReviewLevel.FORMAT, REVIEWER)
                                .approved(ReviewLevel.SUPERVISOR, SUPERVISOR).events())
                        .when(send(ReplyChannel.EMAIL, null, null), asHandler()),
                ProblemCode.VALIDATION_FAILED, "recipient");
    }

    // ---------------------------------------------------------------- complex letters and follow-up

    @Test
    void sendingAComplexLetterStartsTheFollowUpDeadlineAndLeavesItSent() {
        fixture.given(assigned().flagged(false, false, false, true).drafted(HANDLER, CLEAN_CONTENT)
                        .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR).events())
                .when(sendByPhone(), asHandler())
                .expectEvents(new ReplySent(LETTER_ID, 1, ReplyChannel.PHONE, null, null, NOW),
                        new DeadlineSet(LETTER_ID, DeadlineKind.FOLLOW_UP, 0, NOW, NOW.plus(Duration.ofHours(24)),
                                // 20 % of the 24 h window
                                NOW.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(288)), "24 clock hours",
                                false, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT,
                        "deadlines", Map.of("followUpDue", NOW.plus(Duration.ofHours(24)))));
    }

    @Test
    void followUpOfASentComplexLetterClosesIt() {
        fixture.given(assigned().flagged(false, false, false, true).drafted(HANDLER, CLEAN_CONTENT)
                        .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR)
                        .sent(ReplyChannel.PHONE, null, null).events())
                .when(followUp(), asClerk())
                .expectEvents(new FollowUpRecorded(LETTER_ID, "电话回访，客户表示满意", true))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED));
    }

    @Test
    void followUpOfALetterThatIsNotComplexIsRefused() {
        expectRefused(fixture.given(sent().events())
                        .when(followUp(), asClerk()),
                ProblemCode.INVALID_TRANSITION, "no phone follow-up pending");
    }

    @Test
    void followUpBeforeTheReplyIsRefused() {
        expectRefused(fixture.given(assigned().flagged(false, false, false, true).events())
                        .when(followUp(), asClerk()),
                ProblemCode.INVALID_TRANSITION, "no phone follow-up pending");
    }

    @Test
    void recordingTheFollowUpTwiceIsRefused() {
        expectRefused(fixture.given(assigned().flagged(false, false, false, true).drafted(HANDLER, CLEAN_CONTENT)
                                .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR)
                                .sent(ReplyChannel.PHONE, null, null).followedUp().events())
                        .when(followUp(), asClerk()),
                ProblemCode.INVALID_TRANSITION, "already recorded");
    }
}
