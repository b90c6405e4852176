package org.letterdesk.command.archive;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.command.procedure.LetterOutcome;

import java.time.Instant;

/** A letter archived: until when it is retained, and under which archive number. */
public record ArchiveResult(@JsonUnwrapped LetterOutcome letter, Instant retainUntil, String archiveNo)
        implements CommandResult {
}
