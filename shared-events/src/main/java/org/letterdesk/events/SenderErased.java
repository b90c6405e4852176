package org.letterdesk.events;

import java.util.List;

/**
 * The sender's personal data was erased after retention: the keys named were destroyed, so every personal field
 * stored under them now reads {@code [已删除]}.
 */
public record SenderErased(String senderId, String reason, List<String> destroyedKeys) implements SenderEvent {
    public SenderErased {
        destroyedKeys = destroyedKeys == null ? List.of() : List.copyOf(destroyedKeys);
    }
}
