package org.letterdesk.command.reply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.commitment.Commitments;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.supervision.Supervision;
import org.letterdesk.command.supervision.SupervisionPolicy;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.LetterResult;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.command.reply.ReplyCommands.RecordFollowUp;
import org.letterdesk.command.reply.ReplyCommands.ReportDelay;
import org.letterdesk.command.reply.ReplyCommands.SendReply;
import org.letterdesk.command.reply.ReplyResults.DelayResult;
import org.letterdesk.command.reply.ReplyResults.FollowUpDeadline;
import org.letterdesk.command.reply.ReplyResults.ReplyResult;
import org.letterdesk.events.DeadlineSet;
import org.letterdesk.events.DelayNoticeSent;
import org.letterdesk.events.DelayReported;
import org.letterdesk.events.FollowUpRecorded;
import org.letterdesk.events.PersonalDataEvent;
import org.letterdesk.events.ReplyChannel;
import org.letterdesk.events.ReplySent;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.procedure.EventMetaData;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reply (发送): only a fully approved draft, only once the content flags allow it, by a channel that has what it
 * needs (an e-mail address, a tracking number). A complex letter then needs a phone follow-up within its deadline.
 * A reply expected late is reported and the sender told (延迟答复).
 */
public class Reply {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final LetterFacts letter;
    private final Deadlines deadlines;
    private final Commitments commitments;
    private final Supervision supervision;

    private boolean sent;
    private boolean followUpRecorded;

    public Reply(LetterFacts letter, Deadlines deadlines, Commitments commitments, Supervision supervision) {
        this.supervision = supervision;
        this.letter = letter;
        this.deadlines = deadlines;
        this.commitments = commitments;
    }

    public boolean sent() {
        return sent;
    }

    /** A complex letter's phone follow-up is due and not yet recorded. */
    public boolean followUpPending() {
        return sent && letter.flags().complex() && !followUpRecorded;
    }

    @CommandHandler
    public ReplyResult handle(SendReply cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                              Clock clock, ZoneId zone) {
        String serialNo = letter.serialNo();
        if (sent) {
            throw invalid("Letter " + serialNo + " was already replied to");
        }
        OptionalInt approved = letter.approvedDraft();
        if (approved.isEmpty()) {
            throw invalid("Letter " + serialNo + " has no fully approved draft");
        }
        String blocked = letter.replyBlockedByProcedure() != null ? letter.replyBlockedByProcedure()
                : letter.flags().replyBlockedBy();
        if (blocked != null) {
            throw invalid("Letter " + serialNo + " " + blocked);
        }
        String recipient = blankToNull(cmd.recipient());
        if (cmd.channel() == ReplyChannel.REGISTERED_MAIL && blankToNull(cmd.trackingNo()) == null) {
            throw Refusals.validation(letter.letterId(), "trackingNo",
                    "a REGISTERED_MAIL reply needs the tracking number (投递凭证)");
        }
        if (cmd.channel() == ReplyChannel.EMAIL) {
            recipient = recipient != null ? recipient : letter.sender().email();
            if (recipient == null || !EMAIL.matcher(recipient).matches()) {
                throw Refusals.validation(letter.letterId(), "recipient", "an EMAIL reply needs a valid e-mail address");
            }
        }
        Instant now = clock.instant();
        commitments.checkSendable(approved.getAsInt(), now, zone);
        // The recipient is personal data: stored under the letter's sender key, so the sender's erasure reaches it.
        String key = recipient == null ? null : PersonalDataEvent.letterKey(letter.senderId(), letter.letterId());
        deadlines.apply(new ReplySent(letter.letterId(), approved.getAsInt(), cmd.channel(), recipient,
                blankToNull(cmd.trackingNo()), now, key), deadlineManager);
        commitments.openOnReply(approved.getAsInt(), now, planner, deadlineManager, zone);
        if (!letter.flags().complex()) {
            return new ReplyResult(letter.outcome(), null);
        }
        DeadlineSet followUp = planner.followUp(letter.letterId(), now);
        deadlines.set(followUp, deadlineManager, now);
        return new ReplyResult(letter.outcome(), new FollowUpDeadline(followUp.due()));
    }

    @CommandHandler
    public LetterResult handle(RecordFollowUp cmd, DeadlineManager deadlineManager, DeadlinePlanner planner,
                               SupervisionPolicy policy, Clock clock) {
        if (!sent || !letter.flags().complex()) {
            throw invalid("Letter " + letter.serialNo() + " has no phone follow-up pending");
        }
        if (followUpRecorded) {
            throw invalid("The follow-up of " + letter.serialNo() + " was already recorded");
        }
        deadlines.apply(new FollowUpRecorded(letter.letterId(), cmd.note(), cmd.satisfied(),
                cmd.satisfaction()), deadlineManager);
        if (cmd.satisfaction() != null && cmd.satisfaction().dissatisfied()) {
            supervision.dissatisfied(policy, planner, deadlineManager, clock.instant());
        }
        return new LetterResult(letter.outcome());
    }

    @CommandHandler
    public DelayResult handle(ReportDelay cmd, DeadlinePlanner planner, Clock clock,
                              @MetaDataValue(EventMetaData.USER) String user) {
        if (sent) {
            throw invalid("Letter " + letter.serialNo() + " was already replied to");
        }
        Instant now = clock.instant();
        if (!cmd.expectedCompletion().isAfter(now)) {
            throw Refusals.validation(letter.letterId(), "expectedCompletion", "must lie in the future");
        }
        apply(new DelayReported(letter.letterId(), cmd.reason(), cmd.expectedCompletion(), user));
        apply(new DelayNoticeSent(letter.letterId(), cmd.reason(), cmd.expectedCompletion()));
        return new DelayResult(letter.outcome(), planner.delayMustBeReported(now, cmd.expectedCompletion()));
    }

    @EventSourcingHandler
    void on(ReplySent e) {
        sent = true;
    }

    @EventSourcingHandler
    void on(FollowUpRecorded e) {
        followUpRecorded = true;
    }

    private LetterdeskProblem invalid(String detail) {
        return Refusals.invalid(letter.letterId(), detail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
