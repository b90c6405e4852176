package org.letterdesk.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;

/** The report back to a referring office (办理情况汇报) and its review. */
public final class ReferralCommands {

    private ReferralCommands() {
    }

    public record SubmitReferralReport(@TargetAggregateIdentifier String letterId,
                                       @TargetAggregateVersion Long expectedVersion, String problem,
                                       String background, String investigation, String outcome)
            implements LetterCommand {
    }

    public record ReviewReferralReport(@TargetAggregateIdentifier String letterId,
                                       @TargetAggregateVersion Long expectedVersion, ReviewLevel level,
                                       ReviewDecision decision, String comment) implements LetterCommand {
    }
}
