package org.letterdesk.query.quality;

import jakarta.persistence.EntityManager;
import org.letterdesk.query.letter.BatchLetters;
import org.letterdesk.query.letter.BatchRows;
import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps the facts of petitions and referred letters for the monthly analysis, one row per such letter. */
@Component
class ProcedureReadModel implements LetterReadModel {

    private final BatchRows<ProcedureFact, String> rows;

    ProcedureReadModel(EntityManager entityManager) {
        this.rows = new BatchRows<>(entityManager, ProcedureFact.class, ProcedureFact::letterId);
    }

    @Override
    public void prefetch(BatchLetters letters) {
        rows.prefetch(letters, letters.storedWhere(ProcedureFact::concerns));
    }

    @Override
    public void update(LetterView view) {
        if (ProcedureFact.concerns(view)) {
            rows.save(view.letterId, ProcedureFact.of(view));
        }
    }

    @Override
    public List<String> tables() {
        return List.of("quality_procedure_fact");
    }
}
