package org.letterdesk.command.drafting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.commitment.CommitmentRules;
import org.letterdesk.command.drafting.DraftingCommands.DraftReply;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
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
