package org.letterdesk.command.letter;

import org.letterdesk.events.LetterStatus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a command handler reports back: the letter's identity, version (last sequence number) and status after the
 * command, plus command-specific values (deadlines, draftNo, findings …) that the HTTP response adds.
 */
public record CommandResult(String letterId, String serialNo, long version, LetterStatus status,
                            Map<String, Object> extras) {

    public CommandResult {
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    CommandResult with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extras);
        more.put(key, value);
        return new CommandResult(letterId, serialNo, version, status, more);
    }
}
