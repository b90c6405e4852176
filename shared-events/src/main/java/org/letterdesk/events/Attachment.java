package org.letterdesk.events;

/** An entry of the attachment list (附件清单); the file itself is kept elsewhere. */
public record Attachment(String fileName, String contentType, Long sizeBytes, String sha256) {
}
