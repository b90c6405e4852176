package org.letterdesk.command.mail;

import org.letterdesk.events.Attachment;

import java.util.List;
import java.util.Objects;

/**
 * The files an outgoing mail carries, as its outbox row keeps them: one line per stored file, "sha256 TAB type TAB
 * name" (no personal data; the bytes are in the attachment store).
 */
final class OutboxAttachments {

    record Entry(String sha256, String contentType, String fileName) {
    }

    private OutboxAttachments() {
    }

    /** The stored files among {@code attachments} (v1 metadata without a hash has no content to send). */
    static String format(List<Attachment> attachments) {
        StringBuilder text = new StringBuilder();
        for (Attachment a : attachments) {
            if (a.sha256() != null && a.sha256().matches("[0-9a-f]{64}")) {
                text.append(a.sha256()).append('\t').append(Objects.toString(a.contentType(),
                        "application/octet-stream")).append('\t').append(clean(a.fileName())).append('\n');
            }
        }
        return text.toString();
    }

    static List<Entry> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().filter(line -> !line.isBlank()).map(line -> line.split("\t", 3))
                .map(f -> new Entry(f[0], f[1], f[2])).toList();
    }

    private static String clean(String name) {
        return name == null || name.isBlank() ? "attachment" : name.replaceAll("[\\t\\n\\r]", " ");
    }
}
