package org.letterdesk.command.procedure;

/**
 * The content review's flags (内容审核) and what they require before a reply.
 *
 * @param personalData      involves personal data: LEGAL approval before any reply
 * @param financialInfo     involves financial information: identity re-verified by phone before any reply
 * @param major             a major issue (重大问题): DIRECTOR review
 * @param complex           complex: a phone follow-up within 24 h after the reply
 * @param legalApproved     LEGAL approved the reply
 * @param identityVerified  the sender's identity was re-verified
 */
public record ContentFlags(boolean personalData, boolean financialInfo, boolean major, boolean complex,
                           boolean legalApproved, boolean identityVerified) {

    public static final ContentFlags NONE = new ContentFlags(false, false, false, false, false, false);

    /** Why the reply may not go out yet, or null if the flags allow it. */
    public String replyBlockedBy() {
        if (personalData && !legalApproved) {
            return "involves personal data and needs LEGAL approval first";
        }
        if (financialInfo && !identityVerified) {
            return "involves financial information; the sender's identity must be re-verified by phone first";
        }
        return null;
    }
}
