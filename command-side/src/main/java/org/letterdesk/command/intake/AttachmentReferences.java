package org.letterdesk.command.intake;

import org.letterdesk.command.attachment.AttachmentStore;
import org.letterdesk.command.intake.IntakeRequests.AttachmentRequest;
import org.letterdesk.events.Attachment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A registration's attachment list: stored files by their id, or v1 metadata of files kept elsewhere. */
@Component
class AttachmentReferences {

    private final AttachmentStore store;

    AttachmentReferences(AttachmentStore store) {
        this.store = store;
    }

    /** Entries that name neither a stored file nor a file name. */
    static List<Map<String, String>> errors(List<AttachmentRequest> requests) {
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
    List<Attachment> resolve(List<AttachmentRequest> requests) {
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
