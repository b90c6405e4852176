package org.letterdesk.query.register;

import jakarta.persistence.EntityManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.letterdesk.query.letter.BatchLetters;
import org.letterdesk.query.letter.BatchRows;
import org.letterdesk.query.letter.LetterProjection;
import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keeps the register row (信函登记表) of each letter and the register's counts ({@link RegisterCounts}). A letter
 * that moves to another combination of the counted columns is noted in the batch; the batch's net changes are
 * written once, when the projection has written all its letters.
 */
@Component
class RegisterReadModel implements LetterReadModel {

    private static final String COUNT_CHANGES = RegisterReadModel.class.getName() + ".countChanges";

    private final RegisterCounts counts;
    private final BatchRows<RegisterEntry, String> rows;

    RegisterReadModel(RegisterCounts counts, EntityManager entityManager) {
        this.counts = counts;
        this.rows = new BatchRows<>(entityManager, RegisterEntry.class, RegisterEntry::getLetterId);
    }

    @Override
    public void prefetch(BatchLetters letters) {
        rows.prefetch(letters, letters.stored().keySet()); // a letter's view and register row are written together
    }

    @Override
    public void update(LetterView view) {
        // The stored row tells which combination the letter leaves (read with the batch's rows, see prefetch).
        Optional<RegisterCountKey> before = rows.find(view.letterId, view.letterId).map(RegisterCountKey::of);
        RegisterEntry entry = RegisterEntry.of(view);
        rows.save(view.letterId, entry);
        RegisterCountKey after = RegisterCountKey.of(entry);
        if (before.isPresent() && before.get().equals(after)) {
            return;
        }
        SortedMap<RegisterCountKey, Long> changes = countChanges();
        before.ifPresent(key -> changes.merge(key, -1L, Long::sum));
        changes.merge(after, 1L, Long::sum);
    }

    @Override
    public void batchWritten() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        @SuppressWarnings("unchecked")
        SortedMap<RegisterCountKey, Long> changes = (SortedMap<RegisterCountKey, Long>) CurrentUnitOfWork.get()
                .root().resources().remove(COUNT_CHANGES);
        if (changes != null) {
            Integer segment = CurrentUnitOfWork.get().root().getResource(LetterProjection.SEGMENT_ID_RESOURCE);
            counts.add(changes, segment == null ? 0 : segment);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("register_entry", "register_count");
    }

    /**
     * The count changes of the current batch. Bound to the batch's unit of work, which spans its transaction: a
     * batch that rolls back takes its changes with it.
     */
    private SortedMap<RegisterCountKey, Long> countChanges() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(COUNT_CHANGES,
                key -> new TreeMap<RegisterCountKey, Long>());
    }
}
