package org.letterdesk.command.drafting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.commitment.CommitmentRules;
import org.letterdesk.command.drafting.DraftingCommands.DraftReply;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.events.ReplyDrafted;
import org.letterdesk.events.WordingFinding;
import org.letterdesk.procedure.EventMetaData;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reply drafts of a letter (答复撰写). A draft needs an assigned department and is no longer possible once the
 * reply went out (a wrong reply is corrected instead). Every draft runs through the wording check.
 */
public class Drafts {

    /** Complex problems offer at least two alternatives (A/B 方案), seed 000. */
    static final int MIN_ALTERNATIVES = 2;

    private final LetterFacts letter;
    private int latestDraftNo;

    public Drafts(LetterFacts letter) {
        this.letter = letter;
    }

    @CommandHandler
    public DraftResult handle(DraftReply cmd, WordingChecker wordingChecker, Clock clock, ZoneId zone,
                              @MetaDataValue(EventMetaData.USER) String user) {
        if (!letter.assigned()) {
            throw Refusals.invalid(letter.letterId(),
                    "Letter " + letter.serialNo() + " must be assigned to a department before drafting");
        }
        if (letter.replied()) {
            throw Refusals.invalid(letter.letterId(),
                    "Letter " + letter.serialNo() + " was already replied to; issue a correction instead");
        }
        List<Map<String, String>> errors = CommitmentRules.check(cmd.commitments(),
                LocalDate.ofInstant(clock.instant(), zone));
        if (!errors.isEmpty()) {
            throw Refusals.validation(letter.letterId(), errors);
        }
        long alternatives = cmd.content().alternatives() == null ? 0
                : cmd.content().alternatives().stream().filter(a -> a != null && !a.isBlank()).count();
        if (letter.flags().complex() && alternatives < MIN_ALTERNATIVES) {
            throw Refusals.refused(ProblemCode.ALTERNATIVES_REQUIRED, letter.letterId(), "Letter "
                    + letter.serialNo() + " is complex: its draft must offer at least " + MIN_ALTERNATIVES
                    + " alternatives (A/B 方案), not " + alternatives);
        }
        List<WordingFinding> findings = wordingChecker.check(cmd.content());
        apply(new ReplyDrafted(letter.letterId(), latestDraftNo + 1, user, cmd.content(), findings,
                cmd.commitments()));
        return new DraftResult(letter.outcome(), latestDraftNo, findings);
    }

    @EventSourcingHandler
    void on(ReplyDrafted e) {
        latestDraftNo = e.draftNo();
    }
}
