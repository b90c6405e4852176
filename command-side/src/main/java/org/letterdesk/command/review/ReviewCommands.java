package org.letterdesk.command.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.ReviewDecision;
import org.letterdesk.events.ReviewLevel;

/** The three-level review (三级审核) of the latest reply draft. */
public final class ReviewCommands {

    private ReviewCommands() {
    }

    public record ReviewDraft(@TargetAggregateIdentifier String letterId,
                              @TargetAggregateVersion Long expectedVersion, ReviewLevel level,
                              ReviewDecision decision, String comment) implements LetterCommand {
    }
}
