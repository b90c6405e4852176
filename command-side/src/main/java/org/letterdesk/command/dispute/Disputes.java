package org.letterdesk.command.dispute;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.dispute.DisputeCommands.InvestigateDispute;
import org.letterdesk.command.dispute.DisputeCommands.RecordDispute;
import org.letterdesk.command.dispute.DisputeCommands.ResolveDispute;
import org.letterdesk.command.dispute.DisputeResult.InvestigationDeadline;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DeadlineSet;
import org.letterdesk.events.DisputeInvestigated;
import org.letterdesk.events.DisputeRecorded;
import org.letterdesk.events.DisputeResolved;
import org.letterdesk.problem.LetterdeskProblem;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The letter's disputes (争议处理记录簿): each recorded with the sender's and the organisation's view, investigated
 * by the business department within its deadline (3 working days), then resolved by negotiation or escalation.
 */
public class Disputes {

    private enum Stage { RECORDED, INVESTIGATED, RESOLVED }

    private final LetterFacts letter;
    private final Deadlines deadlines;
    private final Map<Integer, Stage> stages = new HashMap<>();

    public Disputes(LetterFacts letter, Deadlines deadlines) {
        this.letter = letter;
        this.deadlines = deadlines;
    }

    public int openCount() {
        return (int) stages.values().stream().filter(stage -> stage != Stage.RESOLVED).count();
    }

    @CommandHandler
    public DisputeResult handle(RecordDispute cmd, DeadlinePlanner planner, DeadlineManager deadlineManager,
                                Clock clock) {
        Instant now = clock.instant();
        int disputeNo = stages.size() + 1;
        apply(new DisputeRecorded(letter.letterId(), disputeNo, cmd.points(), cmd.senderView(),
                cmd.organizationView()));
        DeadlineSet investigation = planner.disputeInvestigation(letter.letterId(), disputeNo, now);
        deadlines.set(investigation, deadlineManager, now);
        return new DisputeResult(letter.outcome(), disputeNo, new InvestigationDeadline(investigation.due()));
    }

    @CommandHandler
    public DisputeResult handle(InvestigateDispute cmd, DeadlineManager deadlineManager, Clock clock) {
        if (stages.get(cmd.disputeNo()) != Stage.RECORDED) {
            throw invalid("Dispute " + cmd.disputeNo() + " of " + letter.serialNo()
                    + " is not awaiting investigation");
        }
        boolean within = deadlines.metOnTime(DeadlineKind.DISPUTE_INVESTIGATION, cmd.disputeNo(), clock.instant());
        deadlines.apply(new DisputeInvestigated(letter.letterId(), cmd.disputeNo(), cmd.findings(), within),
                deadlineManager);
        return new DisputeResult(letter.outcome(), cmd.disputeNo(), null);
    }

    @CommandHandler
    public DisputeResult handle(ResolveDispute cmd) {
        Stage stage = stages.get(cmd.disputeNo());
        if (stage == null) {
            throw invalid("Letter " + letter.serialNo() + " has no dispute " + cmd.disputeNo());
        }
        if (stage != Stage.INVESTIGATED) {
            throw invalid("Dispute " + cmd.disputeNo() + " of " + letter.serialNo() + " is "
                    + (stage == Stage.RECORDED ? "not investigated yet" : "already resolved"));
        }
        apply(new DisputeResolved(letter.letterId(), cmd.disputeNo(), cmd.outcome(), cmd.escalated()));
        return new DisputeResult(letter.outcome(), cmd.disputeNo(), null);
    }

    @EventSourcingHandler
    void on(DisputeRecorded e) {
        stages.put(e.disputeNo(), Stage.RECORDED);
    }

    @EventSourcingHandler
    void on(DisputeInvestigated e) {
        stages.put(e.disputeNo(), Stage.INVESTIGATED);
    }

    @EventSourcingHandler
    void on(DisputeResolved e) {
        stages.put(e.disputeNo(), Stage.RESOLVED);
    }

    private LetterdeskProblem invalid(String detail) {
        return Refusals.invalid(letter.letterId(), detail);
    }
}
