package org.letterdesk.query.history;

import io.swagger.v3.oas.annotations.media.Schema;
import org.letterdesk.procedure.EventMetaData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.ReplySent;
import org.letterdesk.personaldata.PersonalDataMask;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A letter's history for auditors, read from the event store itself (every event from sequence 0, never a
 * snapshot), and its state as of an instant folded from those events.
 */
@Component
public class LetterHistory {

    private final EventStore eventStore;

    LetterHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Named apart from the other Entry in the OpenAPI document (one would silently replace the other). */
    @Schema(name = "HistoryEntry", description = "One event of a letter, with its data, as stored")
    public record Entry(long sequence, String type, Instant occurredAt, Map<String, Object> actor,
                        Object correlationId, Object data) {
    }

    public List<Entry> entries(String letterId) {
        List<Entry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(letterId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Map<String, Object> actor = new LinkedHashMap<>();
            actor.put("user", event.getMetaData().get(EventMetaData.USER));
            actor.put("role", event.getMetaData().get(EventMetaData.ROLE));
            entries.add(new Entry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(), actor, event.getMetaData().get(EventMetaData.CORRELATION_ID),
                    masked(event.getPayload())));
        }
        return entries;
    }

    /** The event's data as an ordinary read may show it: the sender's personal fields and a reply's recipient masked. */
    static Object masked(Object payload) {
        if (payload instanceof LetterReceived received) {
            return received.withSender(PersonalDataMask.mask(received.sender()));
        }
        if (payload instanceof ReplySent sent) {
            return sent.withRecipient(PersonalDataMask.recipient(sent.recipient()));
        }
        return payload;
    }

    /** The letter view folded from the events that happened at or before {@code asOf}; empty if none had. */
    public Optional<LetterView> stateAsOf(String letterId, Instant asOf) {
        LetterView view = null;
        DomainEventStream stream = eventStore.readEvents(letterId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (view == null) {
                view = new LetterView();
            }
            Object user = event.getMetaData().get(EventMetaData.USER);
            view.apply(event.getPayload(), new LetterView.EventContext(event.getSequenceNumber(),
                    event.getTimestamp(), user == null ? null : user.toString()));
        }
        return Optional.ofNullable(view);
    }
}
