package org.letterdesk.events;

/** A term explanation (术语解释) attached to a reply draft. */
public record GlossaryEntry(String term, String explanation) {
}
