package org.letterdesk.query.letter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.letterdesk.events.LetterEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the letter view of each letter and, through it, every {@link LetterReadModel}. Idempotent: an event at or
 * below the stored version was already applied and is skipped, so redelivery and replays leave the same tables.
 * <p>
 * The processor hands events over in batches, one transaction each. A letter's events within a batch are folded
 * in memory and its rows written once, when the batch commits: a registration's three events cost one write per
 * table, and a replay writes each letter a few times rather than once per event. The rows of all the batch's
 * letters are read up front, a few queries per batch instead of several per letter.
 */
@Component
@ProcessingGroup(LetterProjection.GROUP)
@AllowReplay
class LetterProjection {

    static final String GROUP = "letters";
    private static final String BATCH = LetterProjection.class.getName() + ".batch";

    private final StoredLetterViews views;
    private final List<LetterReadModel> readModels;
    private final LetterViewJson json;

    LetterProjection(StoredLetterViews views, List<LetterReadModel> readModels, LetterViewJson json) {
        this.views = views;
        this.readModels = readModels;
        this.json = json;
    }

    /** A letter being folded in this batch: its stored row and its view after the events seen so far. */
    private static final class Folding {
        final StoredLetterView stored;
        LetterView view;
        Instant at;

        Folding(StoredLetterView stored, LetterView view) {
            this.stored = stored;
            this.view = view;
        }
    }

    @EventHandler
    void on(LetterEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(value = "user", required = false) String user) {
        Folding letter = batch().computeIfAbsent(event.letterId(), this::load);
        if (sequence <= letter.view.version) {
            return;
        }
        letter.view.apply(event, new LetterView.EventContext(sequence, at, user));
        letter.at = at;
    }

    private Folding load(String letterId) {
        StoredLetterView stored = views.findById(letterId).orElseGet(() -> new StoredLetterView(letterId));
        return new Folding(stored, stored.document() == null ? new LetterView() : json.read(stored.document()));
    }

    /** The letters of the current batch; written when its transaction commits. */
    private Map<String, Folding> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<String, Folding> letters = unitOfWork.getResource(BATCH);
        if (letters == null) {
            letters = new LinkedHashMap<>();
            unitOfWork.resources().put(BATCH, letters);
            prefetch(unitOfWork, letters); // outside the resource map's compute: read models add resources too
            Map<String, Folding> written = letters;
            unitOfWork.onPrepareCommit(u -> {
                written.values().forEach(this::write);
                readModels.forEach(LetterReadModel::batchWritten);
            });
        }
        return letters;
    }

    /**
     * Reads the stored views of every letter in the batch with one query, and hands them to the read models, which
     * read their rows of those letters that can have any, so that writing them needs no further reads.
     */
    private void prefetch(UnitOfWork<?> unitOfWork, Map<String, Folding> letters) {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            return;
        }
        Set<String> letterIds = new LinkedHashSet<>();
        for (Message<?> message : batch.getMessages()) {
            if (LetterEvent.class.isAssignableFrom(message.getPayloadType())) {
                letterIds.add(((LetterEvent) message.getPayload()).letterId());
            }
        }
        if (letterIds.isEmpty()) {
            return;
        }
        Map<String, LetterView> stored = new HashMap<>();
        for (StoredLetterView view : views.findAllById(letterIds)) {
            // One parsed view serves both: the read models look at it in prefetch, before any event is folded in.
            LetterView parsed = json.read(view.document());
            stored.put(view.letterId(), parsed);
            letters.put(view.letterId(), new Folding(view, parsed));
        }
        for (String letterId : letterIds) {
            letters.computeIfAbsent(letterId, id -> new Folding(new StoredLetterView(id), new LetterView()));
        }
        BatchLetters batchLetters = new BatchLetters(letterIds, stored);
        readModels.forEach(model -> model.prefetch(batchLetters));
    }

    private void write(Folding letter) {
        if (letter.view.version <= letter.stored.version()) {
            return; // only events already applied were seen
        }
        letter.stored.update(letter.view.version, json.write(letter.view), letter.at);
        views.save(letter.stored);
        readModels.forEach(model -> model.update(letter.view));
    }

    @ResetHandler
    void reset() {
        readModels.forEach(LetterReadModel::reset);
        views.deleteAllInBatch();
    }
}
