package org.letterdesk.query.worklist;

import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Keeps the work list: a row for each open letter, removed once the letter is closed or archived. */
@Component
class WorklistReadModel implements LetterReadModel {

    private final WorklistEntries worklist;

    WorklistReadModel(WorklistEntries worklist) {
        this.worklist = worklist;
    }

    @Override
    public void update(LetterView view) {
        Optional<WorklistEntry> stored = worklist.findById(view.letterId);
        if (WorklistEntry.isWork(view)) {
            WorklistEntry entry = stored.orElseGet(() -> new WorklistEntry(view.letterId));
            entry.refresh(view);
            worklist.save(entry);
        } else if (stored.isPresent()) {
            worklist.delete(stored.get());
            // Written at once: a later event in the same batch (a dispute on a closed letter) may bring the row
            // back, and a pending delete would otherwise be flushed after that insert.
            worklist.flush();
        }
    }

    @Override
    public void reset() {
        worklist.deleteAllInBatch();
    }
}
