package org.letterdesk.command.referral;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.command.referral.ReferralCommands.ReviewReferralReport;
import org.letterdesk.command.referral.ReferralCommands.SubmitReferralReport;
import org.letterdesk.events.ReferralRecorded;
import org.letterdesk.events.ReferralReportReviewed;
import org.letterdesk.events.ReferralReported;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.EventMetaData;
import org.letterdesk.procedure.ReviewLevels;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The report back to the office that referred the letter (批办件 → 办理情况汇报, seed 002). It is reviewed like a
 * reply: FORMAT, SUPERVISOR, then DIRECTOR for a major issue, each by someone who neither wrote it nor approved
 * another level of it; a rejection needs a new report. The letter is closed only when the reply is sent and the
 * report done.
 */
public class ReferralReport {

    private final LetterFacts letter;
    private final Deadlines deadlines;

    private boolean referred;
    private int reportNo;
    private String reporter;
    private boolean rejected;
    private boolean done;
    private final Map<ReviewLevel, String> approvals = new EnumMap<>(ReviewLevel.class);

    public ReferralReport(LetterFacts letter, Deadlines deadlines) {
        this.letter = letter;
        this.deadlines = deadlines;
    }

    /** The letter was referred and its report is not yet done. */
    public boolean pending() {
        return referred && !done;
    }

    @CommandHandler
    public ReferralReportResult handle(SubmitReferralReport cmd, @MetaDataValue(EventMetaData.USER) String user) {
        if (!referred) {
            throw invalid("Letter " + letter.serialNo() + " was not referred by an office and takes no report");
        }
        if (done) {
            throw invalid("The referral report of " + letter.serialNo() + " is already approved");
        }
        apply(new ReferralReported(letter.letterId(), reportNo + 1, cmd.problem().strip(), cmd.background().strip(),
                cmd.investigation().strip(), cmd.outcome().strip(), user, cmd.attachments()));
        return new ReferralReportResult(letter.outcome(), reportNo, false);
    }

    @CommandHandler
    public ReferralReportResult handle(ReviewReferralReport cmd, DeadlineManager deadlineManager,
                                       @MetaDataValue(EventMetaData.USER) String user) {
        String serialNo = letter.serialNo();
        if (reportNo == 0 || rejected || done) {
            throw invalid("Letter " + serialNo + " has no referral report awaiting review");
        }
        if (cmd.level() == ReviewLevel.DIRECTOR && !letter.flags().major()) {
            throw Refusals.refused(ProblemCode.REVIEW_ORDER, letter.letterId(), "Letter " + serialNo
                    + " is not flagged as a major issue and takes no DIRECTOR review");
        }
        Optional<ReviewLevel> next = ReviewLevels.next(letter.flags().major(), approvals.keySet());
        if (next.isEmpty() || cmd.level() != next.get()) {
            throw Refusals.refused(ProblemCode.REVIEW_ORDER, letter.letterId(), "Referral report " + reportNo
                    + " of " + serialNo + " needs the " + next.map(Enum::name).orElse("no") + " review next, not "
                    + cmd.level());
        }
        if (user.equals(reporter)) {
            throw Refusals.refused(ProblemCode.FOUR_EYES, letter.letterId(),
                    user + " wrote referral report " + reportNo + " and may not review it");
        }
        if (approvals.containsValue(user)) {
            throw Refusals.refused(ProblemCode.FOUR_EYES, letter.letterId(),
                    user + " already approved another level of referral report " + reportNo);
        }
        boolean approved = cmd.decision() == ReviewDecision.APPROVED;
        boolean completes = approved && ReviewLevels.next(letter.flags().major(),
                java.util.stream.Stream.concat(approvals.keySet().stream(), java.util.stream.Stream.of(cmd.level()))
                        .toList()).isEmpty();
        deadlines.apply(new ReferralReportReviewed(letter.letterId(), reportNo, cmd.level(), cmd.decision(), user,
                cmd.comment(), completes), deadlineManager);
        return new ReferralReportResult(letter.outcome(), reportNo, done);
    }

    @EventSourcingHandler
    void on(ReferralRecorded e) {
        referred = true;
    }

    @EventSourcingHandler
    void on(ReferralReported e) {
        reportNo = e.reportNo();
        reporter = e.reporter();
        rejected = false;
        approvals.clear();
    }

    @EventSourcingHandler
    void on(ReferralReportReviewed e) {
        if (e.decision() == ReviewDecision.REJECTED) {
            rejected = true;
        } else {
            approvals.put(e.level(), e.reviewer());
        }
        done = done || e.completed();
    }

    private LetterdeskProblem invalid(String detail) {
        return Refusals.invalid(letter.letterId(), detail);
    }
}
