package org.letterdesk.query.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.letterdesk.events.CorrectionCause;
import org.letterdesk.events.Department;
import org.letterdesk.events.FoundBy;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;

/**
 * One correction letter (答复更正函): its cause, how the wrong reply was found, when it was issued, and its letter's
 * current department.
 */
@Entity
@Table(name = "quality_correction")
@IdClass(LetterItemKey.class)
public class QualityCorrection {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Id
    @Column(name = "correction_no")
    private int no;
    @Enumerated(EnumType.STRING)
    @Column(name = "cause", nullable = false)
    private CorrectionCause cause;
    @Enumerated(EnumType.STRING)
    @Column(name = "found_by", nullable = false)
    private FoundBy foundBy;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    /** The letter's current department (null while unassigned), so the analysis needs no join to the letter. */
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;

    protected QualityCorrection() {
    }

    LetterItemKey key() {
        return new LetterItemKey(letterId, no);
    }

    static QualityCorrection of(String letterId, Department department, LetterView.Correction correction) {
        QualityCorrection c = new QualityCorrection();
        c.letterId = letterId;
        c.no = correction.correctionNo;
        c.cause = correction.cause;
        c.foundBy = correction.foundBy;
        c.issuedAt = correction.issuedAt;
        c.department = department;
        return c;
    }
}
