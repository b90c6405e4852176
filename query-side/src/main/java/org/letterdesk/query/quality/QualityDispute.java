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

/** One dispute (争议信函): when it was recorded and, once it is, resolved; and its letter's current department. */
@Entity
@Table(name = "quality_dispute")
@IdClass(LetterItemKey.class)
public class QualityDispute {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Id
    @Column(name = "dispute_no")
    private int no;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    /** The letter's current department (null while unassigned), so the analysis needs no join to the letter. */
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;

    protected QualityDispute() {
    }

    LetterItemKey key() {
        return new LetterItemKey(letterId, no);
    }

    static QualityDispute of(String letterId, Department department, LetterView.Dispute dispute) {
        QualityDispute d = new QualityDispute();
        d.letterId = letterId;
        d.no = dispute.disputeNo;
        d.recordedAt = dispute.recordedAt;
        d.resolvedAt = dispute.resolvedAt;
        d.department = department;
        return d;
    }
}
