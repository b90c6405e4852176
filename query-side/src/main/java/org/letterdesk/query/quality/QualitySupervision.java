package org.letterdesk.query.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.letterdesk.events.SupervisionReason;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;

/**
 * One supervision item (督办): why and when it was opened, when its reminder (催办) raised it to the director
 * (level 2), when it was resolved.
 */
@Entity
@Table(name = "quality_supervision")
@IdClass(LetterItemKey.class)
public class QualitySupervision {

    static final int DIRECTOR_LEVEL = 2;

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Id
    @Column(name = "supervision_no")
    private int no;
    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false)
    private SupervisionReason reason;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "raised_at")
    private Instant raisedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected QualitySupervision() {
    }

    LetterItemKey key() {
        return new LetterItemKey(letterId, no);
    }

    static QualitySupervision of(String letterId, LetterView.Supervision s) {
        QualitySupervision q = new QualitySupervision();
        q.letterId = letterId;
        q.no = s.supervisionNo;
        q.reason = s.reason;
        q.openedAt = s.openedAt;
        // Opened at level 1, each reminder raises one level: the first reminder took it to the director.
        q.raisedAt = s.level < DIRECTOR_LEVEL ? null : s.reminders.isEmpty() ? s.openedAt : s.reminders.get(0);
        q.resolvedAt = s.resolvedAt;
        return q;
    }
}
