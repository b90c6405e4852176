package org.letterdesk.command.contentreview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;

/** Content review (内容审核): the flags and what they require before a reply. */
public final class ContentReviewCommands {

    private ContentReviewCommands() {
    }

    /** A flag left null keeps its current value. */
    public record FlagContent(@TargetAggregateIdentifier String letterId,
                              @TargetAggregateVersion Long expectedVersion, Boolean personalData,
                              Boolean financialInfo, Boolean major, Boolean complex, String note)
            implements LetterCommand {
    }

    public record GrantLegalApproval(@TargetAggregateIdentifier String letterId,
                                     @TargetAggregateVersion Long expectedVersion, String note)
            implements LetterCommand {
    }

    public record VerifyIdentity(@TargetAggregateIdentifier String letterId,
                                 @TargetAggregateVersion Long expectedVersion, String method, String note)
            implements LetterCommand {
    }
}
