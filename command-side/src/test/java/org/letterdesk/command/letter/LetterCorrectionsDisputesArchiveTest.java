package org.letterdesk.command.letter;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.command.archive.RetentionPolicy;
import org.letterdesk.events.*;
import org.letterdesk.problem.ProblemCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.letterdesk.command.letter.LetterFixtures.*;

/** Corrections (答复更正函), disputes (争议处理记录簿) and archiving (存档). */
class LetterCorrectionsDisputesArchiveTest {

    private AggregateTestFixture<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static LetterFixtures.History complexSent() {
        return assigned().flagged(false, false, false, true).drafted(HANDLER, CLEAN_CONTENT)
                .approved(ReviewLevel.FORMAT, REVIEWER).approved(ReviewLevel.SUPERVISOR, SUPERVISOR)
                .sent(ReplyChannel.PHONE, null, null);
    }

    // ---------------------------------------------------------------- corrections

    @Test
    void correctionBeforeAnyReplyIsRefused() {
        expectRefused(fixture.given(approved().events())
                        .when(issueCorrection(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "no reply to correct");
    }

    @Test
    void correctionAfterTheReplyIsNumberedOneAndReopensTheLetter() {
        fixture.given(sent().events())
                .when(issueCorrection(), asHandler())
                .expectEvents(new CorrectionIssued(LETTER_ID, 1, "退款金额写成了十元", "退款金额为十二元",
                        CorrectionCause.TYPO, FoundBy.CUSTOMER_CALLBACK, HANDLER))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT, "correctionNo", 1,
                        "openCorrections", 1));
    }

    @Test
    void secondCorrectionIsNumberedTwo() {
        fixture.given(sent().correctionIssued(HANDLER).correctionSignedOff(1, SUPERVISOR).events())
                .when(issueCorrection(), asHandler())
                .expectEvents(new CorrectionIssued(LETTER_ID, 2, "退款金额写成了十元", "退款金额为十二元",
                        CorrectionCause.TYPO, FoundBy.CUSTOMER_CALLBACK, HANDLER))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT, "correctionNo", 2));
    }

    @Test
    void correctionSignedOffBySomeoneOtherThanTheIssuerClosesTheLetterAgain() {
        fixture.given(sent().correctionIssued(HANDLER).events())
                .when(signOff(1), asSupervisor())
                .expectEvents(new CorrectionSignedOff(LETTER_ID, 1, SUPERVISOR, "已核对"))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED, "correctionNo", 1,
                        "openCorrections", 0));
    }

    @Test
    void issuerMayNotSignOffTheirOwnCorrection() {
        expectRefused(fixture.given(sent().correctionIssued(SUPERVISOR).events())
                        .when(signOff(1), asSupervisor()),
                ProblemCode.FOUR_EYES, "may not sign it off");
    }

    @Test
    void signingOffAnUnknownCorrectionIsRefused() {
        expectRefused(fixture.given(sent().correctionIssued(HANDLER).events())
                        .when(signOff(2), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "no correction 2 awaiting sign-off");
    }

    @Test
    void signingOffTheSameCorrectionTwiceIsRefused() {
        expectRefused(fixture.given(sent().correctionIssued(HANDLER).correctionSignedOff(1, SUPERVISOR).events())
                        .when(signOff(1), as("chief", "SUPERVISOR")),
                ProblemCode.INVALID_TRANSITION, "no correction 1 awaiting sign-off");
    }

    // ---------------------------------------------------------------- disputes

    @Test
    void disputeIsRecordedWithAThreeWorkingDayInvestigationDeadline() {
        // From Wed Sep 30 15:30: 8.5 h Sep 30, 国庆 Oct 1–7 off, 24 h Oct 8, 24 h Oct 9, 15.5 h make-up Sat Oct 10
        // → Oct 10 15:30; a separate procedure clock, so no holiday grace.
        Instant due = at("2026-10-10T15:30+08:00");
        fixture.given(sent().events())
                .when(recordDispute(), asHandler())
                .expectEvents(new DisputeRecorded(LETTER_ID, 1, "退款金额", "应退二十元", "应退十二元"),
                        new DeadlineSet(LETTER_ID, DeadlineKind.DISPUTE_INVESTIGATION, 1, NOW, due,
                                at("2026-10-08T15:30+08:00"), "72 working hours", false, List.of()))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT, "disputeNo", 1, "openDisputes", 1L,
                        "deadlines", Map.of("investigationDue", due)));
    }

    @Test
    void investigationWithinTheDeadlineIsRecordedAsOnTime() {
        fixture.given(sent().disputeRecorded().events())
                .when(investigate(1), asHandler())
                .expectEvents(new DisputeInvestigated(LETTER_ID, 1, "账单核实为多收十二元", true))
                .expectResultMessagePayloadMatching(result(LetterStatus.SENT, "disputeNo", 1));
    }

    @Test
    void investigationAfterTheDeadlineWasMissedIsRecordedAsLate() {
        fixture.given(sent().disputeRecorded().event(new DeadlineMissed(LETTER_ID,
                        DeadlineKind.DISPUTE_INVESTIGATION, 1, at("2026-10-10T15:30+08:00"))).events())
                .when(investigate(1), asHandler())
                .expectEvents(new DisputeInvestigated(LETTER_ID, 1, "账单核实为多收十二元", false));
    }

    @Test
    void resolvingADisputeBeforeItsInvestigationIsRefused() {
        expectRefused(fixture.given(sent().disputeRecorded().events())
                        .when(resolve(1), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "not investigated yet");
    }

    @Test
    void resolvingAnInvestigatedDisputeClosesTheLetterAgain() {
        fixture.given(sent().disputeRecorded().disputeInvestigated(1, true).events())
                .when(resolve(1), asSupervisor())
                .expectEvents(new DisputeResolved(LETTER_ID, 1, "协商一致，退还十二元", false))
                .expectResultMessagePayloadMatching(result(LetterStatus.CLOSED, "disputeNo", 1, "openDisputes", 0L));
    }

    @Test
    void investigatingADisputeTwiceIsRefused() {
        expectRefused(fixture.given(sent().disputeRecorded().disputeInvestigated(1, true).events())
                        .when(investigate(1), asHandler()),
                ProblemCode.INVALID_TRANSITION, "not awaiting investigation");
    }

    @Test
    void resolvingAResolvedDisputeAgainIsRefused() {
        expectRefused(fixture.given(sent().disputeRecorded().disputeInvestigated(1, true).disputeResolved(1).events())
                        .when(resolve(1), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "already resolved");
    }

    @Test
    void resolvingAnUnknownDisputeIsRefused() {
        expectRefused(fixture.given(sent().disputeRecorded().events())
                        .when(resolve(2), asSupervisor()),
                ProblemCode.INVALID_TRANSITION, "no dispute 2");
    }

    // ---------------------------------------------------------------- archive

    @Test
    void archivingAClosedLetterRetainsItForThreeYearsFromArchiving() {
        Instant retainUntil = at("2029-09-30T15:30+08:00");
        fixture.given(sent().events())
                .when(archive("DA-2026-0001"), asArchivist())
                .expectEvents(new LetterArchived(LETTER_ID, "DA-2026-0001", NOW, retainUntil))
                .expectResultMessagePayloadMatching(result(LetterStatus.ARCHIVED, "archiveNo", "DA-2026-0001",
                        "retainUntil", retainUntil));
    }

    @Test
    void archivedLetterIsRetainedAtLeastThreeYearsAfterArchiving() {
        fixture.given(sent().events())
                .when(archive("DA-2026-0001"), asArchivist())
                .expectEventsMatching(eventsIncluding("a LetterArchived retained at least 3 years",
                        payload -> payload instanceof LetterArchived archived
                                && !archived.retainUntil().isBefore(
                                archived.archivedAt().atZone(ZONE).plusYears(3).toInstant())));
    }

    @Test
    void longerConfiguredRetentionIsHonoured() {
        fixture = newFixture(new RetentionPolicy(10));
        fixture.given(sent().events())
                .when(archive("DA-2026-0001"), asArchivist())
                .expectEvents(new LetterArchived(LETTER_ID, "DA-2026-0001", NOW, at("2036-09-30T15:30+08:00")));
    }

    @Test
    void archiveNumberDefaultsToOneDerivedFromTheRegisterNumber() {
        fixture.given(sent().events())
                .when(archive(" "), asArchivist())
                .expectEvents(new LetterArchived(LETTER_ID, "ARC-" + SERIAL_NO, NOW, at("2029-09-30T15:30+08:00")));
    }

    @Test
    void archivingBeforeTheReplyIsRefused() {
        expectRefused(fixture.given(approved().events())
                        .when(archive("DA-2026-0001"), asArchivist()),
                ProblemCode.INVALID_TRANSITION, "not been replied to");
    }

    @Test
    void archivingAComplexLetterBeforeItsFollowUpIsRefused() {
        expectRefused(fixture.given(complexSent().events())
                        .when(archive("DA-2026-0001"), asArchivist()),
                ProblemCode.INVALID_TRANSITION, "follow-up is pending");
    }

    @Test
    void archivingAComplexLetterAfterItsFollowUpIsAllowed() {
        fixture.given(complexSent().followedUp().events())
                .when(archive("DA-2026-0001"), asArchivist())
                .expectEvents(new LetterArchived(LETTER_ID, "DA-2026-0001", NOW, at("2029-09-30T15:30+08:00")));
    }

    @Test
    void archivingWhileACorrectionAwaitsSignOffIsRefused() {
        expectRefused(fixture.given(sent().correctionIssued(HANDLER).events())
                        .when(archive("DA-2026-0001"), asArchivist()),
                ProblemCode.INVALID_TRANSITION, "await sign-off");
    }

    @Test
    void archivingAfterTheCorrectionWasSignedOffIsAllowed() {
        fixture.given(sent().correctionIssued(HANDLER).correctionSignedOff(1, SUPERVISOR).events())
                .when(archive("DA-2026-0001"), asArchivist())
                .expectEvents(new LetterArchived(LETTER_ID, "DA-2026-0001", NOW, at("2029-09-30T15:30+08:00")));
    }

    @Test
    void archivingWhileADisputeIsOnlyRecordedIsRefused() {
        expectRefused(fixture.given(sent().disputeRecorded().events())
                        .when(archive("DA-2026-0001"), asArchivist()),
                ProblemCode.INVALID_TRANSITION, "unresolved");
    }

    @Test
    void archivingWhileAnInvestigatedDisputeIsUnresolvedIsRefused() {
        expectRefused(fixture.given(sent().disputeRecorded().disputeInvestigated(1, true).events())
                        .when(archive("DA-2026-0001"), asArchivist()),
                ProblemCode.INVALID_TRANSITION, "unresolved");
    }

    @Test
    void archivingAfterTheDisputeWasResolvedIsAllowed() {
        fixture.given(sent().disputeRecorded().disputeInvestigated(1, true).disputeResolved(1).events())
                .when(archive("DA-2026-0001"), asArchivist())
                .expectEvents(new LetterArchived(LETTER_ID, "DA-2026-0001", NOW, at("2029-09-30T15:30+08:00")));
    }

    @Test
    void archivingTwiceIsRefused() {
        expectRefused(fixture.given(sent().event(new LetterArchived(LETTER_ID, "DA-2026-0001", NOW,
                                at("2029-09-30T15:30+08:00"))).events())
                        .when(archive("DA-2026-0002"), asArchivist()),
                ProblemCode.INVALID_TRANSITION, "is archived");
    }

    @Test
    void correctionOfAnArchivedLetterIsRefused() {
        expectRefused(fixture.given(sent().event(new LetterArchived(LETTER_ID, "DA-2026-0001", NOW,
                                at("2029-09-30T15:30+08:00"))).events())
                        .when(issueCorrection(), asHandler()),
                ProblemCode.INVALID_TRANSITION, "is archived");
    }
}
