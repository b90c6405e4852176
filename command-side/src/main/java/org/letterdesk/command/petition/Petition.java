package org.letterdesk.command.petition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.petition.PetitionCommands.AnswerReview;
import org.letterdesk.command.petition.PetitionCommands.DecideAcceptance;
import org.letterdesk.command.petition.PetitionCommands.DescribeMatter;
import org.letterdesk.command.petition.PetitionCommands.ExtendReply;
import org.letterdesk.command.petition.PetitionCommands.MatterState;
import org.letterdesk.command.petition.PetitionCommands.RequestReview;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.events.AcceptanceDecision;
import org.letterdesk.events.Category;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineSet;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.PetitionAcceptanceDecided;
import org.letterdesk.events.PetitionAcceptanceNoticeSent;
import org.letterdesk.events.PetitionExtensionNoticeSent;
import org.letterdesk.events.PetitionReplyExtended;
import org.letterdesk.events.PetitionReviewAnswered;
import org.letterdesk.events.PetitionReviewKind;
import org.letterdesk.events.PetitionReviewRequested;
import org.letterdesk.events.ReplySent;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.procedure.EventMetaData;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A petition (信访, category PETITION) on the calendar-day clocks of the 信访工作条例 ({@link PetitionClocks}):
 * acceptance decided and notified, the reply within 60 days of acceptance and extended at most once, then a review
 * (复查) and a second review (复核) each requested within 30 days of the answer it contests; after the second
 * review's answer the matter is final. Every due time is recorded in a DeadlineSet when its clock starts.
 */
public class Petition {

    private final LetterFacts letter;
    private final Deadlines deadlines;

    private boolean petition;
    private AcceptanceDecision decision;
    private boolean extended;
    private Instant replyStartedAt;
    private Instant replyDue;
    /** When the answer a review request may contest was given: the reply, then the review's answer. */
    private Instant lastAnswerAt;
    private int requests;
    private boolean requestOpen;
    private boolean matterFinal;

    public Petition(LetterFacts letter, Deadlines deadlines) {
        this.letter = letter;
        this.deadlines = deadlines;
    }

    public boolean notAccepted() {
        return decision == AcceptanceDecision.NOT_ACCEPTED;
    }

    /** A review request awaits its answer. */
    public boolean reviewPending() {
        return requestOpen;
    }

    /** Why a reply may not be sent yet, or null: a petition is answered only once accepted. */
    public String replyBlockedBy() {
        if (!petition || decision == AcceptanceDecision.ACCEPTED) {
            return null;
        }
        return decision == null ? "is a petition whose acceptance is not yet decided"
                : "is a petition that was not accepted";
    }

    @CommandHandler
    public PetitionResult handle(DecideAcceptance cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                                 Clock clock, @MetaDataValue(EventMetaData.USER) String user) {
        requirePetition("an acceptance decision");
        if (decision != null) {
            throw invalid("The acceptance of " + letter.serialNo() + " was already decided: " + decision);
        }
        Instant now = clock.instant();
        String reason = cmd.reason() == null ? null : cmd.reason().strip();
        if (cmd.decision() == AcceptanceDecision.NOT_ACCEPTED && (reason == null || reason.isEmpty())) {
            throw Refusals.validation(letter.letterId(), "reason", "a petition not accepted needs its reason");
        }
        deadlines.apply(new PetitionAcceptanceDecided(letter.letterId(), cmd.decision(), reason, user, now),
                deadlineManager);
        apply(new PetitionAcceptanceNoticeSent(letter.letterId(), cmd.decision(), reason));
        if (cmd.decision() == AcceptanceDecision.NOT_ACCEPTED) {
            // Nothing more is owed to the petitioner: no clock of this letter may still fire.
            deadlines.cancelAll(deadlineManager);
            return new PetitionResult(letter.outcome(), null, null, null);
        }
        DeadlineSet reply = planner.calendarDays(letter.letterId(), DeadlineKind.REPLY, 0, now,
                PetitionClocks.REPLY_DAYS, 0);
        deadlines.set(reply, deadlineManager, now);
        return new PetitionResult(letter.outcome(), reply.due(), null, null);
    }

    @CommandHandler
    public PetitionResult handle(ExtendReply cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                                 Clock clock, @MetaDataValue(EventMetaData.USER) String user) {
        requirePetition("an extension");
        if (cmd.days() < 1 || cmd.days() > PetitionClocks.MAX_EXTENSION_DAYS) {
            throw Refusals.validation(letter.letterId(), "days",
                    "must lie between 1 and " + PetitionClocks.MAX_EXTENSION_DAYS);
        }
        if (decision != AcceptanceDecision.ACCEPTED) {
            throw invalid("Petition " + letter.serialNo() + " is not accepted; only an accepted petition's reply "
                    + "can be extended");
        }
        if (letter.replied()) {
            throw invalid("Petition " + letter.serialNo() + " was already replied to");
        }
        if (extended) {
            throw invalid("The reply of petition " + letter.serialNo() + " was already extended once");
        }
        Instant now = clock.instant();
        String reason = cmd.reason().strip();
        apply(new PetitionReplyExtended(letter.letterId(), cmd.days(), reason, user, replyDue));
        DeadlineSet reply = planner.calendarDays(letter.letterId(), DeadlineKind.REPLY, 0, replyStartedAt,
                PetitionClocks.REPLY_DAYS, cmd.days());
        deadlines.set(reply, deadlineManager, now);
        apply(new PetitionExtensionNoticeSent(letter.letterId(), cmd.days(), reason, reply.due()));
        return new PetitionResult(letter.outcome(), reply.due(), null, null);
    }

    @CommandHandler
    public PetitionResult handle(RequestReview cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                                 Clock clock, ZoneId zone) {
        requirePetition("a review request");
        String serialNo = letter.serialNo();
        if (matterFinal) {
            throw invalid("The matter of petition " + serialNo + " is final after its second review (复核)");
        }
        if (requestOpen) {
            throw invalid("A review request of petition " + serialNo + " still awaits its answer");
        }
        PetitionReviewKind expected = requests == 0 ? PetitionReviewKind.REVIEW : PetitionReviewKind.SECOND_REVIEW;
        if (lastAnswerAt == null) {
            throw invalid("Petition " + serialNo + " has no answer yet that a review could contest");
        }
        if (cmd.kind() != expected) {
            throw invalid("Petition " + serialNo + " can next take a " + expected + " request, not "
                    + cmd.kind());
        }
        Instant now = clock.instant();
        Instant windowEnd = lastAnswerAt.atZone(zone).plusDays(PetitionClocks.REVIEW_REQUEST_DAYS).toInstant();
        if (now.isAfter(windowEnd)) {
            throw invalid("A " + cmd.kind() + " of petition " + serialNo + " could be requested until "
                    + windowEnd + " (" + PetitionClocks.REVIEW_REQUEST_DAYS + " days after the answer it contests)");
        }
        int requestNo = requests + 1;
        apply(new PetitionReviewRequested(letter.letterId(), requestNo, cmd.kind(), cmd.reason().strip(), now));
        DeadlineSet due = planner.calendarDays(letter.letterId(), DeadlineKind.REVIEW, requestNo, now,
                PetitionClocks.REVIEW_ANSWER_DAYS, 0);
        deadlines.set(due, deadlineManager, now);
        return new PetitionResult(letter.outcome(), null, requestNo, due.due());
    }

    @CommandHandler
    public PetitionResult handle(AnswerReview cmd, DeadlineManager deadlineManager, Clock clock,
                                 @MetaDataValue(EventMetaData.USER) String user) {
        requirePetition("a review answer");
        if (!requestOpen || cmd.requestNo() != requests) {
            throw invalid("Petition " + letter.serialNo() + " has no open review request " + cmd.requestNo());
        }
        PetitionReviewKind kind = requests == 1 ? PetitionReviewKind.REVIEW : PetitionReviewKind.SECOND_REVIEW;
        deadlines.apply(new PetitionReviewAnswered(letter.letterId(), requests, kind, cmd.answer().strip(), user,
                clock.instant(), kind == PetitionReviewKind.SECOND_REVIEW), deadlineManager);
        return new PetitionResult(letter.outcome(), null, requests, null);
    }

    @CommandHandler
    public MatterState handle(DescribeMatter cmd) {
        return new MatterState(letter.letterId(), letter.serialNo(), petition, matterFinal);
    }

    @EventSourcingHandler
    void on(LetterReceived e) {
        petition = e.category() == Category.PETITION;
    }

    @EventSourcingHandler
    void on(PetitionAcceptanceDecided e) {
        decision = e.decision();
    }

    @EventSourcingHandler
    void on(DeadlineSet e) {
        if (petition && e.kind() == DeadlineKind.REPLY) {
            replyStartedAt = e.startedAt();
            replyDue = e.due();
        }
    }

    @EventSourcingHandler
    void on(PetitionReplyExtended e) {
        extended = true;
    }

    @EventSourcingHandler
    void on(ReplySent e) {
        lastAnswerAt = e.sentAt();
    }

    @EventSourcingHandler
    void on(PetitionReviewRequested e) {
        requests = e.requestNo();
        requestOpen = true;
    }

    @EventSourcingHandler
    void on(PetitionReviewAnswered e) {
        requestOpen = false;
        lastAnswerAt = e.answeredAt();
        matterFinal = e.matterFinal();
    }

    private void requirePetition(String what) {
        if (!petition) {
            throw invalid("Letter " + letter.serialNo() + " is not a petition (信访) and takes no " + what);
        }
    }

    private LetterdeskProblem invalid(String detail) {
        return Refusals.invalid(letter.letterId(), detail);
    }
}
