package org.letterdesk.query.commitment;

import jakarta.persistence.EntityManager;
import org.letterdesk.query.letter.BatchLetters;
import org.letterdesk.query.letter.BatchRows;
import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps the list of reply commitments: one row per commitment of each sent reply, rewritten from the view. */
@Component
class CommitmentReadModel implements LetterReadModel {

    private final BatchRows<CommitmentEntry, CommitmentEntry.Key> rows;

    CommitmentReadModel(EntityManager entityManager) {
        this.rows = new BatchRows<>(entityManager, CommitmentEntry.class, CommitmentEntry::key);
    }

    @Override
    public void prefetch(BatchLetters letters) {
        rows.prefetch(letters, letters.storedWhere(view -> !view.commitments.isEmpty()));
    }

    @Override
    public void update(LetterView view) {
        // Commitments are only ever added to a letter, never removed.
        view.commitments.forEach(c -> rows.save(view.letterId, CommitmentEntry.of(view, c)));
    }

    @Override
    public List<String> tables() {
        return List.of("commitment_entry");
    }
}
