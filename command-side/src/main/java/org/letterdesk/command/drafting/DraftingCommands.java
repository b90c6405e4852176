package org.letterdesk.command.drafting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.ReplyContent;

/** Reply drafts (答复撰写). */
public final class DraftingCommands {

    private DraftingCommands() {
    }

    public record DraftReply(@TargetAggregateIdentifier String letterId,
                             @TargetAggregateVersion Long expectedVersion, ReplyContent content)
            implements LetterCommand {
    }
}
