package org.letterdesk.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.Attachment;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;

import java.util.List;

/** The report back to a referring office (办理情况汇报) and its review. */
public final class ReferralCommands {

    private ReferralCommands() {
    }

    public record SubmitReferralReport(@TargetAggregateIdentifier String letterId,
                                       @TargetAggregateVersion Long expectedVersion, String problem,
                                       String background, String investigation, String outcome,
                                       List<Attachment> attachments)
            implements LetterCommand {
        public SubmitReferralReport {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public SubmitReferralReport(String letterId, Long expectedVersion, String problem, String background,
                                    String investigation, String outcome) {
            this(letterId, expectedVersion, problem, background, investigation, outcome, List.of());
        }
    }

    public record ReviewReferralReport(@TargetAggregateIdentifier String letterId,
                                       @TargetAggregateVersion Long expectedVersion, ReviewLevel level,
                                       ReviewDecision decision, String comment) implements LetterCommand {
    }
}
