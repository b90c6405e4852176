package org.letterdesk.events;

/** Every event of a sender file's stream names the file it belongs to. */
public interface SenderEvent extends PersonalDataEvent {
    String senderId();

    @Override
    default String personalDataKey() {
        return senderId();
    }
}
