package org.letterdesk.events;

import java.time.Instant;

/** The sender was contacted for the first time (初步响应). */
public record FirstContactMade(String letterId, String channel, String note, Instant contactedAt)
        implements LetterEvent {
}
