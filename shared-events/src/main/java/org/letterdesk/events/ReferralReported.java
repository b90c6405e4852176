package org.letterdesk.events;

import java.util.List;

/**
 * A report back to the referring office (办理情况汇报) was written, in the layout of seed 002: the problem raised
 * (反映的问题), the background (基本情况), the investigation (调查办理情况) and its outcome. A new report replaces
 * one not yet approved and needs every review level again.
 *
 * @param attachments files enclosed with the report (附件), reviewed with it; empty in reports written before
 *                    reports carried attachments
 */
public record ReferralReported(String letterId, int reportNo, String problem, String background,
                               String investigation, String outcome, String reporter, List<Attachment> attachments)
        implements LetterEvent {
    public ReferralReported {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A report without attachments, as stored before reports carried them. */
    public ReferralReported(String letterId, int reportNo, String problem, String background, String investigation,
                            String outcome, String reporter) {
        this(letterId, reportNo, problem, background, investigation, outcome, reporter, List.of());
    }
}
