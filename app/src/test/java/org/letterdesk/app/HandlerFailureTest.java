package org.letterdesk.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No processing group skips an event its handler failed on: each one's failure is propagated (retried by tracking
 * and pooled processors, failing the command for subscribing ones) — the read models, the outbox's queue and the
 * spot check's population included, not only the letters' projections.
 */
class HandlerFailureTest extends ApiTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyProcessingGroupPropagatesItsHandlersFailures() {
        assertThat(processing.eventProcessors().keySet())
                .contains("letters", "senders", "spot-checks", "mail-outbox", "calendar", "spot-check-letters",
                        "spot-check-corrections");
        assertThat(processing.eventProcessors().keySet()).allSatisfy(group ->
                assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                        .isInstanceOf(PropagatingErrorHandler.class));
    }
}
