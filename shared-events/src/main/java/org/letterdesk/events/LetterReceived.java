package org.letterdesk.events;

import java.time.Instant;
import java.util.List;

/** A letter was registered (收件登记) and given its register number (序号), e.g. 2026-000123. */
public record LetterReceived(String letterId, String serialNo, Channel channel, Instant receivedAt, Sender sender,
                             String subject, String coreRequest, Category category, List<Attachment> attachments,
                             String remarks) implements LetterEvent {
    public LetterReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
