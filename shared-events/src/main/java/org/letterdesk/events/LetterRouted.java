package org.letterdesk.events;

/**
 * At registration, a letter registered without a department was routed by the first matching routing rule; the
 * LetterAssigned that follows is by {@code system}. The decision is recorded so a replay never re-matches the rules.
 */
public record LetterRouted(String letterId, String ruleId, Department department) implements LetterEvent {
}
