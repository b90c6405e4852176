package org.letterdesk.command.attachment;

import org.letterdesk.events.Attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored file as a client uploaded it (or a mail carried it): its own id and name, the content's type as
 * detected, and the content's SHA-256, under which the bytes are kept once however often they arrive.
 */
public record StoredAttachment(UUID attachmentId, String fileName, String contentType, long sizeBytes,
                               String sha256, Instant storedAt) {

    /** The entry of a letter's attachment list (附件清单) that refers to this file. */
    public Attachment toAttachment() {
        return new Attachment(fileName, contentType, sizeBytes, sha256);
    }
}
