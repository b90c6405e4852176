package org.letterdesk.command.drafting;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.letterdesk.command.CommandSettings;
import org.letterdesk.events.LetterReceived;
import org.letterdesk.events.ReplyDrafted;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * Renders one draft of a letter as the reply letter. Reads the letter's own event stream rather than a projection,
 * so a draft can be rendered the moment it was made; the letter is dated the day the draft was made.
 */
@Component
class DraftRenderer {

    private final EventStore eventStore;
    private final ReplyTemplate template;
    private final LetterheadSettings letterhead;
    private final ZoneId zone;

    DraftRenderer(EventStore eventStore, ReplyTemplate template, CommandSettings settings, ZoneId zone) {
        this.eventStore = eventStore;
        this.template = template;
        this.letterhead = settings.letterhead().settings();
        this.zone = zone;
    }

    String render(UUID letterId, int draftNo) {
        String id = letterId.toString();
        // From sequence 0: a snapshot would hide the LetterReceived and earlier drafts.
        DomainEventStream events = eventStore.readEvents(id, 0);
        LetterReceived received = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            // Only the two event types needed are deserialized.
            if (event.getPayloadType() == LetterReceived.class) {
                received = (LetterReceived) event.getPayload();
            } else if (event.getPayloadType() == ReplyDrafted.class) {
                ReplyDrafted drafted = (ReplyDrafted) event.getPayload();
                if (drafted.draftNo() == draftNo) {
                    String senderName = received == null || received.sender() == null ? null
                            : received.sender().name();
                    LocalDate date = LocalDate.ofInstant(event.getTimestamp(), zone);
                    return template.render(drafted.content(), senderName, letterhead, date);
                }
            }
        }
        if (received == null) {
            throw new LetterdeskProblem(ProblemCode.LETTER_NOT_FOUND, "Letter " + id + " does not exist",
                    Map.of("letterId", id));
        }
        throw new LetterdeskProblem(ProblemCode.NOT_FOUND, "Letter " + received.serialNo() + " has no draft " + draftNo,
                Map.of("letterId", id));
    }
}
