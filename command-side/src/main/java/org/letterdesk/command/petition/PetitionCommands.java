package org.letterdesk.command.petition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;
import org.letterdesk.events.AcceptanceDecision;
import org.letterdesk.events.PetitionReviewKind;

/** A petition's (信访) acceptance, extension, review requests and their answers. */
public final class PetitionCommands {

    private PetitionCommands() {
    }

    public record DecideAcceptance(@TargetAggregateIdentifier String letterId,
                                   @TargetAggregateVersion Long expectedVersion, AcceptanceDecision decision,
                                   String reason) implements LetterCommand {
    }

    public record ExtendReply(@TargetAggregateIdentifier String letterId,
                              @TargetAggregateVersion Long expectedVersion, int days, String reason)
            implements LetterCommand {
    }

    public record RequestReview(@TargetAggregateIdentifier String letterId,
                                @TargetAggregateVersion Long expectedVersion, PetitionReviewKind kind,
                                String reason) implements LetterCommand {
    }

    public record AnswerReview(@TargetAggregateIdentifier String letterId,
                               @TargetAggregateVersion Long expectedVersion, int requestNo, String answer)
            implements LetterCommand {
    }

    /**
     * Asks, without changing anything, whether a letter's matter is final: what a later letter linked to it
     * records at its registration. Not a {@link LetterCommand}: an archived letter answers too.
     */
    public record DescribeMatter(@TargetAggregateIdentifier String letterId) {
    }

    public record MatterState(String letterId, String serialNo, boolean petition, boolean matterFinal) {
    }
}
