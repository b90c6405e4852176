package org.letterdesk.command.mail;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.ReplyChannel;
import org.letterdesk.events.ReplySent;

import java.util.Optional;

/**
 * The recipient as the letter's events name it today: the address an EMAIL reply was sent to, else the sender's
 * e-mail address given at registration.
 */
public class EventReplyRecipients implements ReplyRecipients {

    private final EventStore events;

    public EventReplyRecipients(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<String> addressOf(String letterId) {
        String address = null;
        DomainEventStream stream = events.readEvents(letterId, 0);
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof LetterReceived e && e.sender() != null) {
                address = e.sender().email();
            } else if (event instanceof ReplySent e && e.channel() == ReplyChannel.EMAIL && e.recipient() != null) {
                address = e.recipient();
            }
        }
        return Optional.ofNullable(address).filter(a -> !a.isBlank());
    }
}
