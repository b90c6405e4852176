package org.letterdesk.command;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Who caused an event: the user and role of the command, or "system" for events raised when a scheduled
 * deadline fires (the deadline message would otherwise carry the scheduling user).
 */
class ActorCorrelationProvider implements CorrelationDataProvider {

    static final String USER = "user";
    static final String ROLE = "role";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof DeadlineMessage<?>) {
            return Map.of(USER, "system", ROLE, "SYSTEM");
        }
        Map<String, Object> data = new HashMap<>();
        Object user = message.getMetaData().get(USER);
        Object role = message.getMetaData().get(ROLE);
        if (user != null) {
            data.put(USER, user);
        }
        if (role != null) {
            data.put(ROLE, role);
        }
        return data;
    }
}
