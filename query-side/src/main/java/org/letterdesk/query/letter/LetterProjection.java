package org.letterdesk.query.letter;

import org.letterdesk.procedure.EventMetaData;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.letterdesk.events.LetterEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
public class LetterProjection {

    public static final String GROUP = "letters";
    /** Where Axon's pooled processor puts the id of the segment a batch belongs to (the bulk replay does too). */
    public static final String SEGMENT_ID_RESOURCE = "Processor[" + GROUP + "]/SegmentId";
    private static final String BATCH = LetterProjection.class.getName() + ".batch";

    private final LetterWriter writer;

    LetterProjection(LetterWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(LetterEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(value = EventMetaData.USER, required = false) String user) {
        batch().computeIfAbsent(event.letterId(), this::load).apply(event, sequence, at, user);
    }

    private FoldedLetter load(String letterId) {
        return writer.load(Set.of(letterId)).get(letterId);
    }

    /** The letters of the current batch; written when its transaction commits. */
    private Map<String, FoldedLetter> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<String, FoldedLetter> letters = unitOfWork.getResource(BATCH);
        if (letters == null) {
            letters = new LinkedHashMap<>();
            unitOfWork.resources().put(BATCH, letters);
            prefetch(unitOfWork, letters); // outside the resource map's compute: read models add resources too
            Map<String, FoldedLetter> written = letters;
            unitOfWork.onPrepareCommit(u -> writer.write(written.values()));
        }
        return letters;
    }

    /**
     * Reads the stored views of every letter in the batch with one query, and lets the read models read their rows
     * of those letters, before any event of the batch is folded in.
     */
    private void prefetch(UnitOfWork<?> unitOfWork, Map<String, FoldedLetter> letters) {
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
        letters.putAll(writer.load(letterIds));
        writer.prefetch(letters.values());
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
