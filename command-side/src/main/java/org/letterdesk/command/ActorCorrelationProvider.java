package org.letterdesk.command;

import static org.letterdesk.procedure.EventMetaData.CORRELATION_ID;
import static org.letterdesk.procedure.EventMetaData.ROLE;
import static org.letterdesk.procedure.EventMetaData.TRACE_ID;
import static org.letterdesk.procedure.EventMetaData.USER;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * What every event a command causes records about its origin: the acting user and role, the correlation id a
 * client sent (else the causing message's id, as Axon does) and the trace id.
 */
class ActorCorrelationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        data.put(CORRELATION_ID, metaData.getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(TRACE_ID, metaData.getOrDefault(TRACE_ID, message.getIdentifier()));
        if (metaData.get(USER) != null) {
            data.put(USER, metaData.get(USER));
        }
        if (metaData.get(ROLE) != null) {
            data.put(ROLE, metaData.get(ROLE));
        }
        return data;
    }
}
