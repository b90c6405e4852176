package org.letterdesk.command.attachment;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.letterdesk.events.Attachment;

import java.util.Locale;
import java.util.UUID;

/**
 * One entry of an attachment list in a request (registration, draft, referral report): either a stored file
 * ({@code attachmentId}, from POST /api/attachments: its name, type, size and hash are taken from the store) or
 * the v1 metadata of a file kept elsewhere ({@code fileName} required then).
 */
public record AttachmentRequest(UUID attachmentId,
                                @Size(max = 255) String fileName,
                                @Size(max = 255) String contentType,
                                @PositiveOrZero Long sizeBytes,
                                @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a hex SHA-256") String sha256) {

    Attachment toAttachment() {
        return new Attachment(fileName, contentType, sizeBytes, sha256 == null ? null : sha256.toLowerCase(Locale.ROOT));
    }
}
