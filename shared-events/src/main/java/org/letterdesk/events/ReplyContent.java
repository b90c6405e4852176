package org.letterdesk.events;

import java.util.List;

/**
 * The content of one reply draft, laid out by the reply template of the procedure.
 *
 * @param attachments the files the reply carries (流程图, 截图 …), listed in the rendered reply and sent with it; part
 *                    of what the reviewers approve. Empty in drafts written before drafts carried attachments.
 */
public record ReplyContent(String salutation, String summary, List<String> points,
                           List<GlossaryEntry> glossary, List<String> alternatives, List<Attachment> attachments) {
    public ReplyContent {
        points = points == null ? List.of() : List.copyOf(points);
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A draft without attachments. */
    public ReplyContent(String salutation, String summary, List<String> points, List<GlossaryEntry> glossary,
                        List<String> alternatives) {
        this(salutation, summary, points, glossary, alternatives, List.of());
    }
}
