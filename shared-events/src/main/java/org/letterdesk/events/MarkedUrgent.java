package org.letterdesk.events;

/** The letter involves a safety risk or a major complaint (紧急); clock-hour deadlines follow. */
public record MarkedUrgent(String letterId, String reason) implements LetterEvent {
}
