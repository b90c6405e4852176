package org.letterdesk.app;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.letterdesk.events.LetterEvent;
import org.letterdesk.query.processing.EventArrivalSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections' event source calls its reader back when events arrive, so an idle processor does not have to
 * poll for them.
 */
class EventArrivalTest extends ApiTestSupport {

    @Autowired
    private EventArrivalSource source;

    @Test
    void aStreamsReaderIsCalledBackWhenALetterIsRegistered() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            while (stream.hasNextAvailable()) {
                stream.nextAvailable(); // whatever other tests appended before the head was taken
            }
            CountDownLatch called = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(called::countDown)).isTrue();

            String id = post("clerk", "/api/letters", letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                    .withNano(0).toString())).body().get("letterId").asString();

            assertThat(called.await(20, TimeUnit.SECONDS)).as("callback after the registration").isTrue();
            boolean seen = false;
            while (!seen && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                seen = stream.nextAvailable().getPayload() instanceof LetterEvent event
                        && id.equals(event.letterId());
            }
            assertThat(seen).as("the registered letter's events on the stream").isTrue();
        }
    }
}
