package org.letterdesk.command.attachment;

import org.letterdesk.problem.ProblemCode;

import java.util.Map;

/**
 * A file refused because the configured virus scanner could not be asked (not reachable, broke off, too slow): a
 * passing condition, not the file's fault. An upload may be tried again later; the mail intake leaves the mail in
 * the mailbox for its next poll.
 */
public class VirusScannerUnavailable extends AttachmentRefused {

    VirusScannerUnavailable(String detail) {
        super(ProblemCode.VIRUS_SCANNER_UNAVAILABLE, detail, Map.of());
    }
}
