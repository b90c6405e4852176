package org.letterdesk.command.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;

/** Supervision (督办). */
public final class SupervisionCommands {

    private SupervisionCommands() {
    }

    /** Resolves every open supervision item of the letter. */
    public record ResolveSupervision(@TargetAggregateIdentifier String letterId,
                                     @TargetAggregateVersion Long expectedVersion, String note)
            implements LetterCommand {
    }
}
