package org.letterdesk.command.correction;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.correction.CorrectionCommands.IssueCorrection;
import org.letterdesk.command.correction.CorrectionCommands.SignOffCorrection;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.events.CorrectionIssued;
import org.letterdesk.events.CorrectionSignedOff;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.EventMetaData;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Corrections of a wrong reply (答复错误): only of a reply that went out; each signed off by a supervisor other
 * than the one who issued it (four eyes).
 */
public class Corrections {

    private final LetterFacts letter;

    /** Issuer of each correction awaiting sign-off, by number. */
    private final Map<Integer, String> open = new HashMap<>();
    private int count;

    public Corrections(LetterFacts letter) {
        this.letter = letter;
    }

    public int openCount() {
        return open.size();
    }

    @CommandHandler
    public CorrectionResult handle(IssueCorrection cmd, @MetaDataValue(EventMetaData.USER) String user) {
        if (!letter.replied()) {
            throw Refusals.invalid(letter.letterId(), "Letter " + letter.serialNo() + " has no reply to correct yet");
        }
        apply(new CorrectionIssued(letter.letterId(), count + 1, cmd.whatWasWrong(), cmd.correctedContent(),
                cmd.cause(), cmd.foundBy(), user));
        return new CorrectionResult(letter.outcome(), count);
    }

    @CommandHandler
    public CorrectionResult handle(SignOffCorrection cmd, @MetaDataValue(EventMetaData.USER) String user) {
        String issuer = open.get(cmd.correctionNo());
        if (issuer == null) {
            throw Refusals.invalid(letter.letterId(), "Letter " + letter.serialNo() + " has no correction "
                    + cmd.correctionNo() + " awaiting sign-off");
        }
        if (issuer.equals(user)) {
            throw Refusals.refused(ProblemCode.FOUR_EYES, letter.letterId(),
                    user + " issued correction " + cmd.correctionNo() + " and may not sign it off");
        }
        apply(new CorrectionSignedOff(letter.letterId(), cmd.correctionNo(), user, cmd.note()));
        return new CorrectionResult(letter.outcome(), cmd.correctionNo());
    }

    @EventSourcingHandler
    void on(CorrectionIssued e) {
        count = e.correctionNo();
        open.put(e.correctionNo(), e.issuedBy());
    }

    @EventSourcingHandler
    void on(CorrectionSignedOff e) {
        open.remove(e.correctionNo());
    }
}
