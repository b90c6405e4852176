package org.letterdesk.events;

/** Another file of the same person was merged into this one (its letters and history now count here). */
public record SenderFilesMerged(String senderId, String otherSenderId) implements SenderEvent {
}
