package org.letterdesk.query.dispute;

import jakarta.persistence.EntityManager;
import org.letterdesk.query.letter.BatchLetters;
import org.letterdesk.query.letter.BatchRows;
import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps the dispute record book (争议处理记录簿): one row per dispute of each letter. */
@Component
class DisputeReadModel implements LetterReadModel {

    private final BatchRows<DisputeEntry, DisputeEntry.Key> rows;

    DisputeReadModel(EntityManager entityManager) {
        this.rows = new BatchRows<>(entityManager, DisputeEntry.class,
                entry -> new DisputeEntry.Key(entry.getLetterId(), entry.getDisputeNo()));
    }

    @Override
    public void prefetch(BatchLetters letters) {
        // Only letters whose stored view has a recorded dispute can have rows (a per-letter query here made every
        // one flush the whole batch's persistence context first).
        rows.prefetch(letters, letters.storedWhere(view -> view.disputes.stream().anyMatch(d -> d.recordedAt != null)));
    }

    @Override
    public void update(LetterView view) {
        for (LetterView.Dispute dispute : view.disputes) {
            if (dispute.recordedAt == null) {
                continue; // only a deadline seen so far; the book starts with the record
            }
            DisputeEntry.Key key = new DisputeEntry.Key(view.letterId, dispute.disputeNo);
            DisputeEntry entry = rows.find(view.letterId, key)
                    .orElseGet(() -> new DisputeEntry(view.letterId, dispute.disputeNo));
            entry.refresh(view, dispute);
            rows.save(view.letterId, entry);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("dispute_entry");
    }
}
