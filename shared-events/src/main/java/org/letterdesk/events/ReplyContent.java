package org.letterdesk.events;

import java.util.List;

/** The content of one reply draft, laid out by the reply template of the procedure. */
public record ReplyContent(String salutation, String summary, List<String> points,
                           List<GlossaryEntry> glossary, List<String> alternatives) {
    public ReplyContent {
        points = points == null ? List.of() : List.copyOf(points);
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
