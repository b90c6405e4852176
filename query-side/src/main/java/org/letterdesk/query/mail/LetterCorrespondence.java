package org.letterdesk.query.mail;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.letterdesk.events.MailBounced;
import org.letterdesk.events.MailFailed;
import org.letterdesk.events.MailReceived;
import org.letterdesk.events.MailSent;
import org.letterdesk.events.OutgoingMailKind;
import org.letterdesk.procedure.OutgoingMails;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A letter's mails in and out, folded from its events in the store (always current, like its history): each mail
 * the letter was registered from or answered by, and each mail the procedure sent, with its delivery state.
 */
@Component
public class LetterCorrespondence {

    public enum Direction { IN, OUT }

    public enum MailStatus { RECEIVED, QUEUED, SENT, FAILED, BOUNCED }

    public record Mail(Direction direction, String messageId, OutgoingMailKind kind, String subject, Instant at,
                       MailStatus status, int attempts, String reason) {
        Mail with(MailStatus newStatus, int newAttempts, String newReason) {
            return new Mail(direction, messageId, kind, subject, at, newStatus, newAttempts, newReason);
        }
    }

    private final EventStore eventStore;

    LetterCorrespondence(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The letter's mails in the order they came or were committed; empty if there is no such letter. */
    public Optional<List<Mail>> of(String letterId) {
        Map<String, Mail> mails = new LinkedHashMap<>();
        OutgoingMails rules = new OutgoingMails();
        boolean exists = false;
        DomainEventStream stream = eventStore.readEvents(letterId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            exists = true;
            Object event = message.getPayload();
            Optional<OutgoingMailKind> outgoing = rules.on(event);
            if (outgoing.isPresent()) {
                String id = OutgoingMails.messageId(message.getIdentifier());
                mails.put(id, new Mail(Direction.OUT, id, outgoing.get(), rules.subject(outgoing.get()),
                        message.getTimestamp(), MailStatus.QUEUED, 0, null));
            } else if (event instanceof MailReceived e) {
                mails.putIfAbsent(e.messageId(), new Mail(Direction.IN, e.messageId(), null, e.subject(),
                        e.receivedAt(), MailStatus.RECEIVED, 0, null));
            } else if (event instanceof MailSent e) {
                mails.computeIfPresent(e.messageId(), (id, m) -> m.with(MailStatus.SENT, e.attempts(), null));
            } else if (event instanceof MailFailed e) {
                mails.computeIfPresent(e.messageId(), (id, m) -> m.status() == MailStatus.SENT ? m
                        : m.with(e.nextAttemptAt() == null ? MailStatus.FAILED : MailStatus.QUEUED, e.attempt(),
                        e.reason()));
            } else if (event instanceof MailBounced e) {
                mails.computeIfPresent(e.messageId(), (id, m) -> m.with(MailStatus.BOUNCED, m.attempts(),
                        e.reason()));
            }
        }
        return exists ? Optional.of(new ArrayList<>(mails.values())) : Optional.empty();
    }
}
