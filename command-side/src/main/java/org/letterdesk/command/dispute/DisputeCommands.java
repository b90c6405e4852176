package org.letterdesk.command.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;

/** Disputes (争议信函): recording, investigation and resolution. */
public final class DisputeCommands {

    private DisputeCommands() {
    }

    public record RecordDispute(@TargetAggregateIdentifier String letterId,
                                @TargetAggregateVersion Long expectedVersion, String points, String senderView,
                                String organizationView) implements LetterCommand {
    }

    public record InvestigateDispute(@TargetAggregateIdentifier String letterId,
                                     @TargetAggregateVersion Long expectedVersion, int disputeNo,
                                     String findings) implements LetterCommand {
    }

    public record ResolveDispute(@TargetAggregateIdentifier String letterId,
                                 @TargetAggregateVersion Long expectedVersion, int disputeNo, String outcome,
                                 boolean escalated) implements LetterCommand {
    }
}
