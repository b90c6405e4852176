package org.letterdesk.procedure;

import org.letterdesk.events.LetterStatus;

/**
 * The facts of a letter that decide its status (处理状态). Both the letter aggregate and the read side collect them
 * from the letter's events and ask {@link #status()}, so the two can never disagree.
 *
 * @param assigned         a department was assigned
 * @param draft            where the latest draft stands
 * @param replied          the reply was sent
 * @param followUpPending  a complex letter's phone follow-up is still to be recorded
 * @param openCorrections  corrections issued and not yet signed off
 * @param openDisputes     disputes recorded and not yet resolved
 * @param archived         the letter was archived
 * @param notAccepted      a petition was not accepted (不予受理): notified, nothing more to answer
 * @param openObligations  answers owed besides the reply: a referral's report back not yet done, a petition's review
 *                         request not yet answered
 * @param openCommitments  commitments of the reply not yet fulfilled (答复承诺事项)
 */
public record LetterProgress(boolean assigned, DraftStage draft, boolean replied, boolean followUpPending,
                             int openCorrections, int openDisputes, boolean archived, boolean notAccepted,
                             int openObligations, int openCommitments) {

    /** A letter with none of the special procedures (petition, referral) and no reply commitments. */
    public LetterProgress(boolean assigned, DraftStage draft, boolean replied, boolean followUpPending,
                          int openCorrections, int openDisputes, boolean archived) {
        this(assigned, draft, replied, followUpPending, openCorrections, openDisputes, archived, false, 0, 0);
    }

    /** A letter with none of the special procedures (petition, referral). */
    public LetterProgress(boolean assigned, DraftStage draft, boolean replied, boolean followUpPending,
                          int openCorrections, int openDisputes, boolean archived, int openCommitments) {
        this(assigned, draft, replied, followUpPending, openCorrections, openDisputes, archived, false, 0,
                openCommitments);
    }

    /** A letter without reply commitments. */
    public LetterProgress(boolean assigned, DraftStage draft, boolean replied, boolean followUpPending,
                          int openCorrections, int openDisputes, boolean archived, boolean notAccepted,
                          int openObligations) {
        this(assigned, draft, replied, followUpPending, openCorrections, openDisputes, archived, notAccepted,
                openObligations, 0);
    }

    public LetterStatus status() {
        if (archived) {
            return LetterStatus.ARCHIVED;
        }
        if (notAccepted) {
            return openCorrections > 0 || openDisputes > 0 ? LetterStatus.SENT : LetterStatus.CLOSED;
        }
        if (replied) {
            boolean pending = followUpPending || openCorrections > 0 || openDisputes > 0 || openObligations > 0
                    || openCommitments > 0;
            return pending ? LetterStatus.SENT : LetterStatus.CLOSED;
        }
        return switch (draft) {
            case REJECTED -> LetterStatus.DRAFTING;
            case IN_REVIEW -> LetterStatus.IN_REVIEW;
            case APPROVED -> LetterStatus.APPROVED;
            case NONE -> assigned ? LetterStatus.ASSIGNED : LetterStatus.RECEIVED;
        };
    }
}
