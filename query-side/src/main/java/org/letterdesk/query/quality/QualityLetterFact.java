package org.letterdesk.query.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.Department;
import org.letterdesk.events.Satisfaction;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;

/**
 * What the monthly analysis needs of one letter: when it came in and was replied to, its first-response and reply
 * deadlines and when they were met, and its current department (the analysis reports by the department a letter
 * belongs to when it is read, so a forwarded letter moves with all its facts).
 */
@Entity
@Table(name = "quality_letter_fact")
public class QualityLetterFact {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "first_response_due")
    private Instant firstResponseDue;
    @Column(name = "first_response_met_at")
    private Instant firstResponseMetAt;
    @Column(name = "reply_due")
    private Instant replyDue;
    @Column(name = "replied_at")
    private Instant repliedAt;
    @Column(name = "followed_up_at")
    private Instant followedUpAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "satisfaction")
    private Satisfaction satisfaction;
    @Column(name = "version", nullable = false)
    private long version;

    protected QualityLetterFact() {
    }

    String letterId() {
        return letterId;
    }

    static QualityLetterFact of(LetterView view) {
        QualityLetterFact f = new QualityLetterFact();
        f.letterId = view.letterId;
        f.department = view.department;
        f.receivedAt = view.receivedAt;
        LetterView.Deadline first = view.deadlines.get(DeadlineKind.FIRST_RESPONSE);
        f.firstResponseDue = first == null ? null : first.due;
        f.firstResponseMetAt = first == null ? null : first.metAt;
        LetterView.Deadline reply = view.deadlines.get(DeadlineKind.REPLY);
        f.replyDue = reply == null ? null : reply.due;
        // Only the reply meets the reply deadline, so its sending time is also that deadline's metAt.
        // The reply itself, not completedAt(): a petition not accepted is completed without being replied to.
        f.repliedAt = view.reply == null ? null : view.reply.sentAt();
        f.followedUpAt = view.followUp == null ? null : view.followUp.at();
        f.satisfaction = view.followUp == null ? null : view.followUp.satisfaction();
        f.version = view.version;
        return f;
    }
}
