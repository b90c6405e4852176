package org.letterdesk.query.quality;

import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts of the monthly error analysis (质量分析): a row per letter and per draft, correction and dispute.
 * Rows are keyed by letter and number and rewritten from the view, so applying a view twice changes nothing.
 */
@Component
class QualityReadModel implements LetterReadModel {

    private final QualityLetterFacts facts;
    private final QualityDrafts drafts;
    private final QualityCorrections corrections;
    private final QualityDisputes disputes;

    QualityReadModel(QualityLetterFacts facts, QualityDrafts drafts, QualityCorrections corrections,
                     QualityDisputes disputes) {
        this.facts = facts;
        this.drafts = drafts;
        this.corrections = corrections;
        this.disputes = disputes;
    }

    @Override
    public void update(LetterView view) {
        facts.save(QualityLetterFact.of(view));
        // Drafts, corrections and disputes are only ever added to a letter, never removed.
        drafts.saveAll(view.drafts.stream().map(d -> QualityDraft.of(view.letterId, d)).toList());
        corrections.saveAll(view.corrections.stream().map(c -> QualityCorrection.of(view.letterId, c)).toList());
        // A dispute the view knows only from a deadline event is not recorded yet; it counts from its record.
        disputes.saveAll(view.disputes.stream().filter(d -> d.recordedAt != null)
                .map(d -> QualityDispute.of(view.letterId, d)).toList());
    }

    @Override
    public void reset() {
        disputes.deleteAllInBatch();
        corrections.deleteAllInBatch();
        drafts.deleteAllInBatch();
        facts.deleteAllInBatch();
    }
}
