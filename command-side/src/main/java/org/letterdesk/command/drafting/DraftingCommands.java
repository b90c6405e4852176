package org.letterdesk.command.drafting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.Commitment;
import org.letterdesk.events.ReplyContent;

import java.util.List;

/** Reply drafts (答复撰写). */
public final class DraftingCommands {

    private DraftingCommands() {
    }

    public record DraftReply(@TargetAggregateIdentifier String letterId,
                             @TargetAggregateVersion Long expectedVersion, ReplyContent content,
                             List<Commitment> commitments)
            implements LetterCommand {

        public DraftReply {
            commitments = commitments == null ? List.of() : List.copyOf(commitments);
        }

        public DraftReply(String letterId, Long expectedVersion, ReplyContent content) {
            this(letterId, expectedVersion, content, List.of());
        }
    }
}
