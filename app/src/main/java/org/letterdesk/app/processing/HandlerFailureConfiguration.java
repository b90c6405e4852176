package org.letterdesk.app.processing;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every event handler's failure is propagated, for every processing group: Axon's default only logs it and goes on
 * with the next event, which would leave a read model silently behind the store, a reply's mail never queued or a
 * spot check's population incomplete. Propagated, a tracking or pooled processor releases its segment and tries
 * the batch again (with back-off) until it succeeds; a subscribing processor fails the command that published the
 * event, so nothing is acknowledged that its handlers did not record.
 */
@Configuration(proxyBeanMethods = false)
class HandlerFailureConfiguration {

    @Autowired
    void propagateHandlerFailures(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
