package org.letterdesk.command.letter;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.letterdesk.command.archive.Archive;
import org.letterdesk.command.commitment.Commitments;
import org.letterdesk.command.contentreview.ContentReview;
import org.letterdesk.command.correction.Corrections;
import org.letterdesk.command.deadline.DeadlineDue;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.dispute.Disputes;
import org.letterdesk.command.drafting.Drafts;
import org.letterdesk.command.intake.Intake;
import org.letterdesk.command.intake.IntakeCommands.RegisterLetter;
import org.letterdesk.command.intake.IntakeResults.RegistrationResult;
import org.letterdesk.command.intake.SenderMatching;
import org.letterdesk.command.intake.SerialNumbers;
import org.letterdesk.command.mail.Correspondence;
import org.letterdesk.command.petition.Petition;
import org.letterdesk.command.referral.ReferralReport;
import org.letterdesk.events.PersonalDataErased;
import org.letterdesk.command.procedure.ContentFlags;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.LetterOutcome;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.command.reply.Reply;
import org.letterdesk.command.review.Reviews;
import org.letterdesk.command.supervision.Supervision;
import org.letterdesk.command.supervision.SupervisionDue;
import org.letterdesk.command.supervision.SupervisionPolicy;
import org.letterdesk.events.DeadlineMissed;
import org.letterdesk.events.Department;
import org.letterdesk.events.Channel;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.LetterStatus;
import org.letterdesk.events.Sender;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.LetterProgress;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One incoming letter and the procedure it goes through (信函答复规程). The root holds the letter's identity and
 * version and guards every command (the client's expected version first, then an archived letter takes no more
 * commands); each capability of the procedure is an aggregate member in the package named for it, with its own
 * command handlers, rules and state. Members read the letter as a whole through {@link LetterFacts}, which the root
 * answers from the member that owns each fact.
 */
@Aggregate(cache = "letterCache")
public class Letter implements LetterFacts {

    @AggregateIdentifier
    private String letterId;
    private String serialNo;
    private long version = -1;

    @AggregateMember
    private final Deadlines deadlines = new Deadlines();
    @AggregateMember
    private final Intake intake = new Intake(this, deadlines);
    @AggregateMember
    private final ContentReview contentReview = new ContentReview(this);
    @AggregateMember
    private final Drafts drafts = new Drafts(this);
    @AggregateMember
    private final Reviews reviews = new Reviews(this);
    @AggregateMember
    private final Commitments commitments = new Commitments(this, deadlines);
    @AggregateMember
    private final Supervision supervision = new Supervision(this);
    @AggregateMember
    private final Reply reply = new Reply(this, deadlines, commitments, supervision);
    @AggregateMember
    private final Corrections corrections = new Corrections(this);
    @AggregateMember
    private final Disputes disputes = new Disputes(this, deadlines);
    @AggregateMember
    private final Archive archive = new Archive(this, deadlines);
    @AggregateMember
    private final Petition petition = new Petition(this, deadlines);
    @AggregateMember
    private final ReferralReport referralReport = new ReferralReport(this, deadlines);
    @AggregateMember
    private final Correspondence correspondence = new Correspondence(this);

    protected Letter() {
        // Supervision for a missed deadline ends when an event meets that deadline, whichever member applies it.
        deadlines.onMet(supervision::answered);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public RegistrationResult handle(RegisterLetter cmd, SerialNumbers serialNumbers, SenderMatching senders,
                                     DeadlinePlanner planner, DeadlineManager deadlineManager, Clock clock,
                                     ZoneId zone) {
        // The deadlines are scheduled before the letter's first event exists, so their scope is named explicitly.
        return intake.register(cmd, serialNumbers, senders, planner, deadlineManager, clock.instant(), zone,
                new AggregateScopeDescriptor(Letter.class.getSimpleName(), cmd.letterId()));
    }

    /**
     * Runs before every command to an existing letter, whichever member handles it: a client's stale If-Match is
     * answered 412 before any rule of the procedure could answer otherwise, and an archived letter is final.
     */
    @CommandHandlerInterceptor
    public Object guard(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (command.getPayload() instanceof LetterCommand letterCommand) {
            Long expected = letterCommand.expectedVersion();
            if (expected != null && expected != version) {
                throw Refusals.refused(ProblemCode.VERSION_CONFLICT, letterId, "Letter " + serialNo
                        + " is at version " + version + ", not " + expected, Map.of("currentVersion", version));
            }
            if (archive.archived()) {
                throw Refusals.invalid(letterId, "Letter " + serialNo + " is archived");
            }
        }
        return chain.proceed();
    }

    @DeadlineHandler
    public void on(DeadlineDue due, @MessageIdentifier String deadlineMessageId, DeadlineManager deadlineManager,
                   Clock clock, DeadlinePlanner planner, SupervisionPolicy policy) {
        if (!archive.archived()) {
            DeadlineMissed missed = deadlines.fired(letterId, due, deadlineMessageId, deadlineManager,
                    clock.instant());
            if (missed != null) {
                supervision.deadlineMissed(missed, deadlineMessageId, policy, planner, deadlineManager,
                        clock.instant());
            }
        }
    }

    @DeadlineHandler
    public void on(SupervisionDue due, @MessageIdentifier String deadlineMessageId, DeadlineManager deadlineManager,
                   DeadlinePlanner planner, SupervisionPolicy policy) {
        if (!archive.archived()) {
            supervision.remind(due, deadlineMessageId, policy, planner, deadlineManager);
        }
    }

    @EventSourcingHandler
    void on(LetterReceived e, @SequenceNumber long seq) {
        version = seq;
        letterId = e.letterId();
        serialNo = e.serialNo();
    }

    @EventSourcingHandler
    void on(Object e, @SequenceNumber long seq) {
        version = seq;
    }

    // ---------------------------------------------------------------- personal data (sender files)

    @Override
    public String senderId() {
        return intake.senderId();
    }

    /** Until when the letter is retained; null while it is not archived (retention runs from archiving). */
    public Instant retainUntil() {
        return archive.retainUntil();
    }

    /**
     * Records the erasure of the sender's personal data on the letter. Not a command of the procedure: it is applied
     * by the sender's erasure to archived letters past retention, which take no procedure commands.
     */
    public void recordPersonalDataErased() {
        org.axonframework.modelling.command.AggregateLifecycle.apply(
                new PersonalDataErased(letterId, intake.senderId()));
    }

    // ---------------------------------------------------------------- the letter as its members read it

    @Override
    public String letterId() {
        return letterId;
    }

    @Override
    public String serialNo() {
        return serialNo;
    }

    @Override
    public Channel channel() {
        return intake.channel();
    }

    @Override
    public Instant receivedAt() {
        return intake.receivedAt();
    }

    @Override
    public Sender sender() {
        return intake.sender();
    }

    @Override
    public boolean urgent() {
        return intake.urgent();
    }

    @Override
    public boolean assigned() {
        return intake.assigned();
    }

    @Override
    public Department department() {
        return intake.department();
    }

    @Override
    public ContentFlags flags() {
        return contentReview.flags();
    }

    @Override
    public OptionalInt approvedDraft() {
        return reviews.approvedDraft();
    }

    @Override
    public boolean replied() {
        return reply.sent();
    }

    @Override
    public LetterStatus status() {
        return new LetterProgress(intake.assigned(), reviews.stage(), reply.sent(), reply.followUpPending(),
                corrections.openCount(), disputes.openCount(), archive.archived(), petition.notAccepted(),
                openObligations(), commitments.openCount()).status();
    }

    /** Answers owed besides the reply: a petition's review request, a referral's report back. */
    private int openObligations() {
        return (petition.reviewPending() ? 1 : 0) + (referralReport.pending() ? 1 : 0);
    }

    @Override
    public String replyBlockedByProcedure() {
        return petition.replyBlockedBy();
    }

    @Override
    public String pendingWork() {
        if (!reply.sent()) {
            return "it has not been replied to";
        }
        if (referralReport.pending()) {
            return "its report to the referring office is not yet approved";
        }
        if (petition.reviewPending()) {
            return "its petition review request awaits the answer";
        }
        if (reply.followUpPending()) {
            return "its phone follow-up is pending";
        }
        if (corrections.openCount() > 0) {
            return corrections.openCount() + " correction(s) await sign-off";
        }
        if (disputes.openCount() > 0) {
            return disputes.openCount() + " dispute(s) are unresolved";
        }
        return commitments.openCount() + " commitment(s) of the reply are not fulfilled";
    }

    @Override
    public LetterOutcome outcome() {
        return new LetterOutcome(letterId, serialNo, version, status(), corrections.openCount(),
                disputes.openCount());
    }
}
