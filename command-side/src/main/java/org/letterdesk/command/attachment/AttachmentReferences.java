package org.letterdesk.command.attachment;

import org.letterdesk.events.Attachment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An attachment list of a request (registration, draft, referral report): stored files by their id, or v1 metadata
 * of files kept elsewhere. Resolved before the command is sent, so an unknown id changes nothing.
 */
@Component
public class AttachmentReferences {

    private final AttachmentStore store;

    public AttachmentReferences(AttachmentStore store) {
        this.store = store;
    }

    /** Entries that name neither a stored file nor a file name. */
    public static List<Map<String, String>> errors(List<AttachmentRequest> requests) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (requests == null) {
            return errors;
        }
        for (int i = 0; i < requests.size(); i++) {
            AttachmentRequest r = requests.get(i);
            if (r != null && r.attachmentId() == null && (r.fileName() == null || r.fileName().isBlank())) {
                errors.add(Map.of("field", "attachments[" + i + "].fileName",
                        "message", "must not be blank unless attachmentId names a stored file"));
            }
        }
        return errors;
    }

    /** The attachment list as the letter records it; VALIDATION_FAILED for an id the store does not know. */
    public List<Attachment> resolve(List<AttachmentRequest> requests) {
        if (requests == null) {
            return List.of();
        }
        List<Attachment> attachments = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            AttachmentRequest r = requests.get(i);
            attachments.add(r.attachmentId() == null ? r.toAttachment()
                    : store.require(List.of(r.attachmentId()), "attachments[" + i + "].attachmentId").get(0)
                    .toAttachment());
        }
        return attachments;
    }
}
