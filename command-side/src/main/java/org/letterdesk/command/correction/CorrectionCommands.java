package org.letterdesk.command.correction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.CorrectionCause;
import org.letterdesk.events.FoundBy;

/** Corrections (答复更正) of a sent reply and their sign-off. */
public final class CorrectionCommands {

    private CorrectionCommands() {
    }

    public record IssueCorrection(@TargetAggregateIdentifier String letterId,
                                  @TargetAggregateVersion Long expectedVersion, String whatWasWrong,
                                  String correctedContent, CorrectionCause cause, FoundBy foundBy)
            implements LetterCommand {
    }

    public record SignOffCorrection(@TargetAggregateIdentifier String letterId,
                                    @TargetAggregateVersion Long expectedVersion, int correctionNo, String note)
            implements LetterCommand {
    }
}
