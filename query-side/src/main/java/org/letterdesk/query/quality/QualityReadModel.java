package org.letterdesk.query.quality;

import jakarta.persistence.EntityManager;
import org.letterdesk.query.letter.BatchLetters;
import org.letterdesk.query.letter.BatchRows;
import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the facts of the monthly error analysis (质量分析): a row per letter and per draft, correction and dispute.
 * Rows are keyed by letter and number and rewritten from the view, so applying a view twice changes nothing.
 */
@Component
class QualityReadModel implements LetterReadModel {

    private final BatchRows<QualityLetterFact, String> factRows;
    private final BatchRows<QualityDraft, LetterItemKey> draftRows;
    private final BatchRows<QualityCorrection, LetterItemKey> correctionRows;
    private final BatchRows<QualityDispute, LetterItemKey> disputeRows;

    QualityReadModel(EntityManager entityManager) {
        this.factRows = new BatchRows<>(entityManager, QualityLetterFact.class, QualityLetterFact::letterId);
        this.draftRows = new BatchRows<>(entityManager, QualityDraft.class, QualityDraft::key);
        this.correctionRows = new BatchRows<>(entityManager, QualityCorrection.class, QualityCorrection::key);
        this.disputeRows = new BatchRows<>(entityManager, QualityDispute.class, QualityDispute::key);
    }

    @Override
    public void prefetch(BatchLetters letters) {
        // Every row stands for something the stored view already has: update() writes exactly those.
        factRows.prefetch(letters, letters.stored().keySet());
        draftRows.prefetch(letters, letters.storedWhere(view -> !view.drafts.isEmpty()));
        correctionRows.prefetch(letters, letters.storedWhere(view -> !view.corrections.isEmpty()));
        disputeRows.prefetch(letters, letters.storedWhere(view -> view.disputes.stream()
                .anyMatch(d -> d.recordedAt != null)));
    }

    @Override
    public void update(LetterView view) {
        String letterId = view.letterId;
        factRows.save(letterId, QualityLetterFact.of(view));
        // Drafts, corrections and disputes are only ever added to a letter, never removed.
        QualityDraft.of(letterId, view.department, view.drafts).forEach(d -> draftRows.save(letterId, d));
        view.corrections.forEach(c -> correctionRows.save(letterId, QualityCorrection.of(letterId, view.department, c)));
        // A dispute the view knows only from a deadline event is not recorded yet; it counts from its record.
        view.disputes.stream().filter(d -> d.recordedAt != null)
                .forEach(d -> disputeRows.save(letterId, QualityDispute.of(letterId, view.department, d)));
    }

    @Override
    public List<String> tables() {
        return List.of("quality_dispute", "quality_correction", "quality_draft", "quality_letter_fact");
    }
}
