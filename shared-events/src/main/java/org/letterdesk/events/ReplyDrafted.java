package org.letterdesk.events;

import java.util.List;

/**
 * A new reply draft; it voids every approval of earlier drafts. Findings are the wording check's result.
 *
 * @param commitments what the draft promises (答复承诺事项), reviewed and approved with it; empty in drafts
 *                    written before commitments existed
 */
public record ReplyDrafted(String letterId, int draftNo, String drafter, ReplyContent content,
                           List<WordingFinding> findings, List<Commitment> commitments) implements LetterEvent {
    public ReplyDrafted {
        findings = findings == null ? List.of() : List.copyOf(findings);
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
    }

    public ReplyDrafted(String letterId, int draftNo, String drafter, ReplyContent content,
                        List<WordingFinding> findings) {
        this(letterId, draftNo, drafter, content, findings, List.of());
    }
}
