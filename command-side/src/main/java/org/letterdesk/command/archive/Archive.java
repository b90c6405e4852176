package org.letterdesk.command.archive;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.letterdesk.command.archive.ArchiveCommands.ArchiveLetter;
import org.letterdesk.command.deadline.Deadlines;
import org.letterdesk.command.procedure.LetterFacts;
import org.letterdesk.command.procedure.Refusals;
import org.letterdesk.events.LetterArchived;
import org.letterdesk.events.LetterStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Archiving (存档): only a closed letter — replied, with nothing pending — gets an archive number and is retained
 * for the retention period. An archived letter takes no further command.
 */
public class Archive {

    private final LetterFacts letter;
    private final Deadlines deadlines;
    private boolean archived;
    private Instant retainUntil;

    public Archive(LetterFacts letter, Deadlines deadlines) {
        this.letter = letter;
        this.deadlines = deadlines;
    }

    public boolean archived() {
        return archived;
    }

    /** Until when the archived letter is retained; null before archiving. */
    public Instant retainUntil() {
        return retainUntil;
    }

    @CommandHandler
    public ArchiveResult handle(ArchiveLetter cmd, RetentionPolicy retention, DeadlineManager deadlineManager,
                                Clock clock, ZoneId zone) {
        if (letter.status() != LetterStatus.CLOSED) {
            throw Refusals.invalid(letter.letterId(),
                    "Letter " + letter.serialNo() + " cannot be archived while " + letter.pendingWork());
        }
        // Every deadline the letter ever had, not only the open ones, so no schedule outlives the letter.
        deadlines.cancelAll(deadlineManager);
        Instant now = clock.instant();
        String archiveNo = cmd.archiveNo() != null && !cmd.archiveNo().isBlank() ? cmd.archiveNo().strip()
                : "ARC-" + letter.serialNo();
        Instant retainUntil = retention.retainUntil(now, zone);
        apply(new LetterArchived(letter.letterId(), archiveNo, now, retainUntil));
        return new ArchiveResult(letter.outcome(), retainUntil, archiveNo);
    }

    @EventSourcingHandler
    void on(LetterArchived e) {
        archived = true;
        retainUntil = e.retainUntil();
    }
}
