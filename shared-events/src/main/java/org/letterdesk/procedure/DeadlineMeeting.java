package org.letterdesk.procedure;

import org.letterdesk.events.CommitmentFulfilled;
import org.letterdesk.events.DeadlineKind;
import org.letterdesk.events.DisputeInvestigated;
import org.letterdesk.events.FirstContactMade;
import org.letterdesk.events.FollowUpRecorded;
import org.letterdesk.events.PetitionAcceptanceDecided;
import org.letterdesk.events.PetitionReviewAnswered;
import org.letterdesk.events.ReferralReportReviewed;
import org.letterdesk.events.ReplySent;

import java.time.Instant;
import java.util.List;

/**
 * Which event meets which deadline: the first contact meets the first response; the reply meets the first response
 * and the reply; the follow-up its deadline; an investigation its dispute's; a fulfilment its commitment's; a
 * petition's acceptance decision its ACCEPTANCE clock, a review's answer its REVIEW clock, a referral report's last
 * approval its REFERRAL_REPORT clock. The aggregate closes (and unschedules)
 * the deadlines an event meets, the read side marks them met, both from this one table.
 */
public final class DeadlineMeeting {

    /**
     * A deadline an event meets.
     *
     * @param ref the dispute number for DISPUTE_INVESTIGATION, the commitment number for COMMITMENT, the review request
     *            number for REVIEW, else 0
     * @param at  when it was met, if the event says; null means at the event's own time
     */
    public record Met(DeadlineKind kind, int ref, Instant at) {
    }

    private DeadlineMeeting() {
    }

    public static List<Met> metBy(Object event) {
        if (event instanceof FirstContactMade e) {
            return List.of(new Met(DeadlineKind.FIRST_RESPONSE, 0, e.contactedAt()));
        }
        if (event instanceof ReplySent e) {
            return List.of(new Met(DeadlineKind.FIRST_RESPONSE, 0, e.sentAt()),
                    new Met(DeadlineKind.REPLY, 0, e.sentAt()));
        }
        if (event instanceof FollowUpRecorded) {
            return List.of(new Met(DeadlineKind.FOLLOW_UP, 0, null));
        }
        if (event instanceof DisputeInvestigated e) {
            return List.of(new Met(DeadlineKind.DISPUTE_INVESTIGATION, e.disputeNo(), null));
        }
        if (event instanceof CommitmentFulfilled e) {
            return List.of(new Met(DeadlineKind.COMMITMENT, e.n(), e.fulfilledAt()));
        }
        if (event instanceof PetitionAcceptanceDecided e) {
            return List.of(new Met(DeadlineKind.ACCEPTANCE, 0, e.decidedAt()));
        }
        if (event instanceof PetitionReviewAnswered e) {
            return List.of(new Met(DeadlineKind.REVIEW, e.requestNo(), e.answeredAt()));
        }
        if (event instanceof ReferralReportReviewed e && e.completed()) {
            return List.of(new Met(DeadlineKind.REFERRAL_REPORT, 0, null));
        }
        return List.of();
    }
}
