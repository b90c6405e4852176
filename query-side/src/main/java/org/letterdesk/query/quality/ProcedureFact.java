package org.letterdesk.query.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.letterdesk.events.AcceptanceDecision;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.Department;
import org.letterdesk.events.PetitionReviewKind;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the monthly analysis counts of a petition (信访) or a referred letter (批办件): when acceptance was decided and
 * how, when the reply clock was extended, when a review (复查) and a second review (复核) were requested, when the
 * matter became final, and the referral report's due time and when it was done (its last review level approved).
 */
@Entity
@Table(name = "quality_procedure_fact")
public class ProcedureFact {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;
    @Enumerated(EnumType.STRING)
    @Column(name = "acceptance_decision")
    private AcceptanceDecision acceptanceDecision;
    @Column(name = "acceptance_decided_at")
    private Instant acceptanceDecidedAt;
    @Column(name = "extended_at")
    private Instant extendedAt;
    @Column(name = "review_requested_at")
    private Instant reviewRequestedAt;
    @Column(name = "second_review_requested_at")
    private Instant secondReviewRequestedAt;
    @Column(name = "final_at")
    private Instant finalAt;
    @Column(name = "referral_report_due")
    private Instant referralReportDue;
    @Column(name = "referral_report_done_at")
    private Instant referralReportDoneAt;
    @Column(name = "version", nullable = false)
    private long version;

    protected ProcedureFact() {
    }

    String letterId() {
        return letterId;
    }

    /** Petitions and referred letters have a row; other letters none. */
    static boolean concerns(LetterView view) {
        return view.petition != null || view.referral != null;
    }

    static ProcedureFact of(LetterView view) {
        ProcedureFact f = new ProcedureFact();
        f.letterId = view.letterId;
        f.department = view.department;
        f.version = view.version;
        LetterView.Petition petition = view.petition;
        if (petition != null) {
            if (petition.acceptance != null) {
                f.acceptanceDecision = petition.acceptance.decision;
                f.acceptanceDecidedAt = petition.acceptance.decidedAt;
            }
            f.extendedAt = petition.extension == null ? null : petition.extension.extendedAt;
            f.reviewRequestedAt = requested(petition, PetitionReviewKind.REVIEW);
            f.secondReviewRequestedAt = requested(petition, PetitionReviewKind.SECOND_REVIEW);
            // Final (终结) with the answer that made it so: the second review's.
            f.finalAt = !petition.matterFinal ? null : petition.reviewRequests.stream()
                    .map(r -> r.answeredAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        }
        if (view.referral != null) {
            LetterView.Deadline report = view.deadlines.get(DeadlineKind.REFERRAL_REPORT);
            f.referralReportDue = report == null ? null : report.due;
            f.referralReportDoneAt = view.referral.doneAt;
        }
        return f;
    }

    private static Instant requested(LetterView.Petition petition, PetitionReviewKind kind) {
        return petition.reviewRequests.stream().filter(r -> r.kind == kind).map(r -> r.requestedAt)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
