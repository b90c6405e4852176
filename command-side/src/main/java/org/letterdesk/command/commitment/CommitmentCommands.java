package org.letterdesk.command.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;

/** Reply commitments (答复承诺事项). */
public final class CommitmentCommands {

    private CommitmentCommands() {
    }

    public record FulfilCommitment(@TargetAggregateIdentifier String letterId,
                                   @TargetAggregateVersion Long expectedVersion, int n, String evidence)
            implements LetterCommand {
    }
}
