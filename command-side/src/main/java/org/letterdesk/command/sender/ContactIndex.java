package org.letterdesk.command.sender;

import java.util.List;

/** Where a file's new contact details become findable by the next registration (hashes only). */
public interface ContactIndex {

    /** Points keys not yet known to the file; a key already pointing to another file stays there. */
    void add(String senderId, List<String> keys);
}
