package org.letterdesk.command.commitment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.commitment.CommitmentCommands.FulfilCommitment;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.events.Commitment;
import org.letterdesk.events.CommitmentFulfilled;
import org.letterdesk.events.CommitmentOpened;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.ReplyDrafted;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.EventMetaData;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commitments of a letter's reply (答复承诺事项). A draft lists them and is reviewed with them; when the reply goes
 * out, those of the sent draft open, each with a deadline at the end of its due date; each is closed by its
 * fulfilment with evidence. While one is open the letter is not closed (so it cannot be archived).
 */
public class Commitments {

    private final LetterFacts letter;
    private final Deadlines deadlines;

    /** What each draft promises, by draft number. */
    private final Map<Integer, List<Commitment>> drafted = new HashMap<>();
    private final Set<Integer> open = new TreeSet<>();
    private final Set<Integer> fulfilled = new TreeSet<>();

    public Commitments(LetterFacts letter, Deadlines deadlines) {
        this.letter = letter;
        this.deadlines = deadlines;
    }

    public int openCount() {
        return open.size();
    }

    /**
     * Refuses to send a draft whose commitment would already be due: its due date must still lie after the day of
     * sending (the draft was checked on the day it was written).
     */
    public void checkSendable(int draftNo, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (Commitment c : drafted.getOrDefault(draftNo, List.of())) {
            if (!c.dueDate().isAfter(today)) {
                throw Refusals.invalid(letter.letterId(), "Commitment " + c.n() + " of draft " + draftNo
                        + " was due " + c.dueDate() + "; write a new draft with a new due date");
            }
        }
    }

    /** The reply with the draft went out: each of its commitments opens with its deadline. */
    public void openOnReply(int draftNo, Instant sentAt, DeadlinePlanner planner, DeadlineManager deadlineManager,
                            ZoneId zone) {
        for (Commitment c : drafted.getOrDefault(draftNo, List.of())) {
            apply(new CommitmentOpened(letter.letterId(), c.n(), c.what(), c.department(), c.dueDate(), sentAt));
            deadlines.set(planner.commitment(letter.letterId(), c.n(), sentAt, c.dueDate(), zone), deadlineManager,
                    sentAt);
        }
    }

    @CommandHandler
    public CommitmentResult handle(FulfilCommitment cmd, DeadlineManager deadlineManager, Clock clock,
                                   @MetaDataValue(EventMetaData.USER) String user) {
        if (fulfilled.contains(cmd.n())) {
            throw Refusals.invalid(letter.letterId(),
                    "Commitment " + cmd.n() + " of " + letter.serialNo() + " was already fulfilled");
        }
        if (!open.contains(cmd.n())) {
            throw Refusals.refused(ProblemCode.NOT_FOUND, letter.letterId(),
                    "Letter " + letter.serialNo() + " has no commitment " + cmd.n() + " in a sent reply");
        }
        Instant now = clock.instant();
        boolean onTime = deadlines.metOnTime(DeadlineKind.COMMITMENT, cmd.n(), now);
        deadlines.apply(new CommitmentFulfilled(letter.letterId(), cmd.n(), cmd.evidence(), user, now),
                deadlineManager);
        return new CommitmentResult(letter.outcome(), cmd.n(), onTime, open.size());
    }

    @EventSourcingHandler
    void on(ReplyDrafted e) {
        drafted.put(e.draftNo(), e.commitments());
    }

    @EventSourcingHandler
    void on(CommitmentOpened e) {
        open.add(e.n());
    }

    @EventSourcingHandler
    void on(CommitmentFulfilled e) {
        open.remove(e.n());
        fulfilled.add(e.n());
    }
}
