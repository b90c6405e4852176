package org.letterdesk.events;

import java.util.List;

/** A new reply draft; it voids every approval of earlier drafts. Findings are the wording check's result. */
public record ReplyDrafted(String letterId, int draftNo, String drafter, ReplyContent content,
                           List<WordingFinding> findings) implements LetterEvent {
    public ReplyDrafted {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
