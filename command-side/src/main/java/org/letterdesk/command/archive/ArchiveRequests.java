package org.letterdesk.command.archive;

import jakarta.validation.constraints.Size;

/** Request body of archiving (归档); the body itself may be left out. */
final class ArchiveRequests {

    private ArchiveRequests() {
    }

    /** Without an archiveNo the letter is filed as ARC-&lt;serial number&gt;. */
    record ArchiveRequest(@Size(max = 100) String archiveNo) {
    }
}
