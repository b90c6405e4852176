package org.letterdesk.bench.floor;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.letterdesk.bench.floor.FloorMessages.*;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The floor's one aggregate: each command appends one event; the only rule is that an archived letter is closed. */
@Aggregate(cache = "floorLetterCache")
public class FloorLetter {

    @AggregateIdentifier
    private String letterId;
    private int draftNo;
    private boolean archived;

    protected FloorLetter() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RegisterLetter cmd) {
        Registration r = cmd.registration();
        apply(new LetterRegistered(cmd.letterId(), r.channel(), r.receivedAt() == null ? null
                : r.receivedAt().toInstant(), r.sender(), r.subject(), r.coreRequest(), r.category(),
                r.attachments(), r.remarks()));
    }

    @CommandHandler
    public void handle(AssignLetter cmd) {
        open();
        apply(new LetterAssigned(letterId, cmd.assignment().department(), cmd.assignment().assignee()));
    }

    @CommandHandler
    public void handle(RecordStep cmd) {
        open();
        apply(new StepRecorded(letterId, cmd.step(), cmd.body()));
    }

    @CommandHandler
    public void handle(DraftReply cmd) {
        open();
        apply(new ReplyDrafted(letterId, draftNo + 1, cmd.draft()));
    }

    @CommandHandler
    public void handle(ReviewDraft cmd) {
        open();
        apply(new DraftReviewed(letterId, draftNo, cmd.review().level(), cmd.review().decision(),
                cmd.review().comment()));
    }

    @CommandHandler
    public void handle(SendReply cmd) {
        open();
        apply(new ReplySent(letterId, draftNo, cmd.reply().channel()));
    }

    @CommandHandler
    public void handle(ArchiveLetter cmd) {
        open();
        apply(new LetterArchived(letterId, Instant.now()));
    }

    private void open() {
        if (archived) {
            throw new IllegalStateException("letter " + letterId + " is archived");
        }
    }

    @EventSourcingHandler
    void on(LetterRegistered e) {
        letterId = e.letterId();
    }

    @EventSourcingHandler
    void on(ReplyDrafted e) {
        draftNo = e.draftNo();
    }

    @EventSourcingHandler
    void on(LetterArchived e) {
        archived = true;
    }
}
