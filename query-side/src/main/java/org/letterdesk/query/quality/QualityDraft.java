package org.letterdesk.query.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;

/** One reply draft: when it was written and how many wording findings (专业性) its check raised. */
@Entity
@Table(name = "quality_draft")
@IdClass(LetterItemKey.class)
public class QualityDraft {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Id
    @Column(name = "draft_no")
    private int no;
    @Column(name = "drafted_at", nullable = false)
    private Instant draftedAt;
    @Column(name = "findings", nullable = false)
    private int findings;

    protected QualityDraft() {
    }

    LetterItemKey key() {
        return new LetterItemKey(letterId, no);
    }

    static QualityDraft of(String letterId, LetterView.Draft draft) {
        QualityDraft d = new QualityDraft();
        d.letterId = letterId;
        d.no = draft.draftNo;
        d.draftedAt = draft.draftedAt;
        d.findings = draft.findings.size();
        return d;
    }
}
