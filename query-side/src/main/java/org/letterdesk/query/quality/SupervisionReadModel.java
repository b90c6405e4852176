package org.letterdesk.query.quality;

import jakarta.persistence.EntityManager;
import org.letterdesk.query.letter.BatchLetters;
import org.letterdesk.query.letter.BatchRows;
import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps the supervision items (督办) for the monthly analysis: one row per item, rewritten from the view. */
@Component
class SupervisionReadModel implements LetterReadModel {

    private final BatchRows<QualitySupervision, LetterItemKey> rows;

    SupervisionReadModel(EntityManager entityManager) {
        this.rows = new BatchRows<>(entityManager, QualitySupervision.class, QualitySupervision::key);
    }

    @Override
    public void prefetch(BatchLetters letters) {
        rows.prefetch(letters, letters.storedWhere(view -> !view.supervisions.isEmpty()));
    }

    @Override
    public void update(LetterView view) {
        // Supervision items are only ever added to a letter, never removed.
        view.supervisions.forEach(s -> rows.save(view.letterId, QualitySupervision.of(view.letterId, s)));
    }

    @Override
    public List<String> tables() {
        return List.of("quality_supervision");
    }
}
