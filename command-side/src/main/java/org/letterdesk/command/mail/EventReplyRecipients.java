package org.letterdesk.command.mail;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.letterdesk.command.sender.SenderContacts;
import org.letterdesk.events.ReplyChannel;
import org.letterdesk.events.ReplySent;
import org.letterdesk.personaldata.PersonalDataMask;

import java.util.Optional;

/**
 * The recipient of a letter's outgoing mail: the address its last EMAIL reply was sent to, else the sender's current
 * e-mail (the sender file's, else the one registered; nothing once the sender's personal data is erased).
 */
public class EventReplyRecipients implements ReplyRecipients {

    private final EventStore events;
    private final SenderContacts contacts;

    public EventReplyRecipients(EventStore events, SenderContacts contacts) {
        this.events = events;
        this.contacts = contacts;
    }

    @Override
    public Optional<String> addressOf(String letterId) {
        String address = null;
        DomainEventStream stream = events.readEvents(letterId, 0);
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof ReplySent e && e.channel() == ReplyChannel.EMAIL && e.recipient() != null) {
                address = e.recipient();
            }
        }
        // An erased sender's recipient decrypts to [已删除]: no address to write to.
        if (address != null && !address.isBlank() && !PersonalDataMask.ERASED.equals(address)) {
            return Optional.of(address);
        }
        return contacts.email(letterId);
    }
}
