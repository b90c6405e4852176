package org.letterdesk.command.review;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.LetterResult;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.command.review.ReviewCommands.ReviewDraft;
import org.letterdesk.events.ReplyDrafted;
import org.letterdesk.events.ReviewApproved;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;
import org.letterdesk.events.ReviewRejected;
import org.letterdesk.events.WordingFinding;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.DraftStage;
import org.letterdesk.procedure.EventMetaData;
import org.letterdesk.procedure.ReviewLevels;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The review of the latest draft (三级审核): FORMAT, SUPERVISOR, then DIRECTOR for a major issue, in that order;
 * each level by someone who neither wrote the draft nor approved another level of it (four eyes); FORMAT approval
 * blocked while the wording check has findings. A rejection sends the letter back to drafting; a new draft needs
 * every level again.
 */
public class Reviews {

    private final LetterFacts letter;

    private int draftNo;
    private String drafter;
    private List<WordingFinding> findings = List.of();
    private boolean rejected;
    private final Map<ReviewLevel, String> approvals = new EnumMap<>(ReviewLevel.class);

    public Reviews(LetterFacts letter) {
        this.letter = letter;
    }

    public DraftStage stage() {
        if (draftNo == 0) {
            return DraftStage.NONE;
        }
        if (rejected) {
            return DraftStage.REJECTED;
        }
        return nextLevel().isEmpty() ? DraftStage.APPROVED : DraftStage.IN_REVIEW;
    }

    /** The latest draft, if it passed every required level. */
    public OptionalInt approvedDraft() {
        return stage() == DraftStage.APPROVED ? OptionalInt.of(draftNo) : OptionalInt.empty();
    }

    @CommandHandler
    public LetterResult handle(ReviewDraft cmd, @MetaDataValue(EventMetaData.USER) String user) {
        String serialNo = letter.serialNo();
        if (draftNo == 0 || rejected || letter.replied()) {
            throw Refusals.invalid(letter.letterId(), "Letter " + serialNo + " has no draft awaiting review");
        }
        Optional<ReviewLevel> next = nextLevel();
        if (cmd.level() == ReviewLevel.DIRECTOR && !letter.flags().major()) {
            throw Refusals.refused(ProblemCode.REVIEW_ORDER, letter.letterId(), "Letter " + serialNo
                    + " is not flagged as a major issue and takes no DIRECTOR review");
        }
        if (next.isEmpty()) {
            throw Refusals.invalid(letter.letterId(),
                    "Draft " + draftNo + " of " + serialNo + " is already fully approved");
        }
        if (cmd.level() != next.get()) {
            throw Refusals.refused(ProblemCode.REVIEW_ORDER, letter.letterId(), "Draft " + draftNo + " of "
                    + serialNo + " needs the " + next.get() + " review next, not " + cmd.level(),
                    Map.of("expectedLevel", next.get().name()));
        }
        if (user.equals(drafter)) {
            throw Refusals.refused(ProblemCode.FOUR_EYES, letter.letterId(),
                    user + " drafted draft " + draftNo + " and may not review it");
        }
        if (approvals.containsValue(user)) {
            throw Refusals.refused(ProblemCode.FOUR_EYES, letter.letterId(),
                    user + " already approved another level of draft " + draftNo);
        }
        if (cmd.decision() == ReviewDecision.APPROVED) {
            if (cmd.level() == ReviewLevel.FORMAT && !findings.isEmpty()) {
                throw Refusals.refused(ProblemCode.WORDING_FINDINGS, letter.letterId(), "Draft " + draftNo + " of "
                        + serialNo + " has " + findings.size() + " wording findings", Map.of("findings", findings));
            }
            apply(new ReviewApproved(letter.letterId(), draftNo, cmd.level(), user, cmd.comment()));
        } else {
            apply(new ReviewRejected(letter.letterId(), draftNo, cmd.level(), user, cmd.comment()));
        }
        return new LetterResult(letter.outcome());
    }

    private Optional<ReviewLevel> nextLevel() {
        return ReviewLevels.next(letter.flags().major(), approvals.keySet());
    }

    @EventSourcingHandler
    void on(ReplyDrafted e) {
        draftNo = e.draftNo();
        drafter = e.drafter();
        findings = e.findings();
        rejected = false;
        approvals.clear();
    }

    @EventSourcingHandler
    void on(ReviewApproved e) {
        approvals.put(e.level(), e.reviewer());
    }

    @EventSourcingHandler
    void on(ReviewRejected e) {
        rejected = true;
    }
}
