package org.letterdesk.events;

/** A registration matched no sender file, so one was opened (客户档案) with the sender as registered. */
public record SenderFileOpened(String senderId, Sender sender, String letterId) implements SenderEvent {
}
