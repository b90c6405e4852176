package org.letterdesk.query.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.letterdesk.events.Department;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;

/**
 * One reply draft: when it was written, how many wording findings (专业性) its check raised, and its letter's current
 * department.
 */
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
    /** The letter's current department (null while unassigned), so the analysis needs no join to the letter. */
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;

    protected QualityDraft() {
    }

    LetterItemKey key() {
        return new LetterItemKey(letterId, no);
    }

    static QualityDraft of(String letterId, Department department, LetterView.Draft draft) {
        QualityDraft d = new QualityDraft();
        d.letterId = letterId;
        d.no = draft.draftNo;
        d.draftedAt = draft.draftedAt;
        d.findings = draft.findings.size();
        d.department = department;
        return d;
    }
}
