package org.letterdesk.command.archive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.letterdesk.command.procedure.LetterCommand;

/** Archiving (存档). */
public final class ArchiveCommands {

    private ArchiveCommands() {
    }

    /** Without an archiveNo the letter is filed as ARC-&lt;serial number&gt;. */
    public record ArchiveLetter(@TargetAggregateIdentifier String letterId,
                                @TargetAggregateVersion Long expectedVersion, String archiveNo)
            implements LetterCommand {
    }
}
