package org.letterdesk.command.contentreview;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.letterdesk.command.contentreview.ContentReviewCommands.FlagContent;
import org.letterdesk.command.contentreview.ContentReviewCommands.GrantLegalApproval;
import org.letterdesk.command.contentreview.ContentReviewCommands.VerifyIdentity;
import org.letterdesk.command.procedure.ContentFlags;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.LetterResult;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.events.ContentFlagged;
import org.letterdesk.events.IdentityVerified;
import org.letterdesk.events.LegalApprovalGranted;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.procedure.EventMetaData;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The content review of a letter (内容审核): personal data needs LEGAL approval, financial information a sender
 * re-verified by phone, a major issue DIRECTOR review, a complex letter a phone follow-up. Flags are final once the
 * letter was replied to.
 */
public class ContentReview {

    /** The procedure allows re-verification by phone only. */
    static final String VERIFICATION_METHOD = "PHONE";

    private final LetterFacts letter;
    private ContentFlags flags = ContentFlags.NONE;

    public ContentReview(LetterFacts letter) {
        this.letter = letter;
    }

    public ContentFlags flags() {
        return flags;
    }

    @CommandHandler
    public LetterResult handle(FlagContent cmd) {
        if (letter.replied()) {
            throw invalid("Letter " + letter.serialNo() + " was already replied to; its content flags are final");
        }
        apply(new ContentFlagged(letter.letterId(), orElse(cmd.personalData(), flags.personalData()),
                orElse(cmd.financialInfo(), flags.financialInfo()), orElse(cmd.major(), flags.major()),
                orElse(cmd.complex(), flags.complex()), cmd.note()));
        return new LetterResult(letter.outcome());
    }

    @CommandHandler
    public LetterResult handle(GrantLegalApproval cmd, @MetaDataValue(EventMetaData.USER) String user) {
        if (!flags.personalData()) {
            throw invalid("Letter " + letter.serialNo() + " is not flagged as involving personal data");
        }
        if (flags.legalApproved()) {
            throw invalid("Legal approval of " + letter.serialNo() + " was already granted");
        }
        apply(new LegalApprovalGranted(letter.letterId(), user, cmd.note()));
        return new LetterResult(letter.outcome());
    }

    @CommandHandler
    public LetterResult handle(VerifyIdentity cmd, @MetaDataValue(EventMetaData.USER) String user) {
        if (!flags.financialInfo()) {
            throw invalid("Letter " + letter.serialNo() + " is not flagged as involving financial information");
        }
        if (!VERIFICATION_METHOD.equals(cmd.method())) {
            throw Refusals.validation(letter.letterId(), "method", "identity must be re-verified by PHONE");
        }
        if (flags.identityVerified()) {
            throw invalid("The sender's identity of " + letter.serialNo() + " was already verified");
        }
        apply(new IdentityVerified(letter.letterId(), cmd.method(), user, cmd.note()));
        return new LetterResult(letter.outcome());
    }

    @EventSourcingHandler
    void on(ContentFlagged e) {
        flags = new ContentFlags(e.personalData(), e.financialInfo(), e.major(), e.complex(), flags.legalApproved(),
                flags.identityVerified());
    }

    @EventSourcingHandler
    void on(LegalApprovalGranted e) {
        flags = new ContentFlags(flags.personalData(), flags.financialInfo(), flags.major(), flags.complex(), true,
                flags.identityVerified());
    }

    @EventSourcingHandler
    void on(IdentityVerified e) {
        flags = new ContentFlags(flags.personalData(), flags.financialInfo(), flags.major(), flags.complex(),
                flags.legalApproved(), true);
    }

    private LetterdeskProblem invalid(String detail) {
        return Refusals.invalid(letter.letterId(), detail);
    }

    private static boolean orElse(Boolean value, boolean current) {
        return value != null ? value : current;
    }
}
