package org.letterdesk.query.worklist;

import jakarta.persistence.EntityManager;
import org.letterdesk.query.letter.BatchLetters;
import org.letterdesk.query.letter.BatchRows;
import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Keeps the work list: a row for each open letter, removed once the letter is closed or archived. */
@Component
class WorklistReadModel implements LetterReadModel {

    private final BatchRows<WorklistEntry, String> rows;
    private final WorklistChanges changes;

    WorklistReadModel(EntityManager entityManager, WorklistChanges changes) {
        this.rows = new BatchRows<>(entityManager, WorklistEntry.class, WorklistEntry::getLetterId);
        this.changes = changes;
    }

    @Override
    public void prefetch(BatchLetters letters) {
        rows.prefetch(letters, letters.stored().keySet());
    }

    @Override
    public void update(LetterView view) {
        changes.changed(view.letterId);
        Optional<WorklistEntry> stored = rows.find(view.letterId, view.letterId);
        if (WorklistEntry.isWork(view)) {
            WorklistEntry entry = stored.orElseGet(() -> new WorklistEntry(view.letterId));
            entry.refresh(view);
            rows.save(view.letterId, entry);
        } else if (stored.isPresent()) {
            rows.delete(view.letterId, stored.get());
        }
    }

    @Override
    public List<String> tables() {
        return List.of("worklist_entry");
    }
}
