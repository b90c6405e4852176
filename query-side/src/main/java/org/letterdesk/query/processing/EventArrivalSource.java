package org.letterdesk.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections' event source, with one addition: its streams tell their reader when events
 * arrive.
 * <p>
 * A pooled streaming processor asks its stream for an availability callback; the embedded event store's streams
 * offer none, so an idle processor looks again only every 500 ms — that schedule, not the work, was the
 * projection lag under load. Here one watcher thread tails the store (new events reach it the moment the store's
 * own reader fetches them: at once after a local commit, within the store's fetch delay for another node's) and
 * wakes every open stream's reader. The watcher's stream and the processors' streams tail the same in-memory
 * cache of recent events, so when the watcher sees an event the readers can read it too.
 */
@Component(EventArrivalSource.BEAN)
public class EventArrivalSource implements StreamableMessageSource<TrackedEventMessage<?>>, SmartLifecycle {

    public static final String BEAN = "eventArrivalSource";
    private static final Logger log = LoggerFactory.getLogger(EventArrivalSource.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final EventStore eventStore;
    private final long wakeIntervalNanos;
    private final Set<Runnable> readers = new CopyOnWriteArraySet<>();
    private volatile Thread watcher;

    /**
     * @param wakeInterval the shortest time between two wake-ups of the readers. Events that arrive within it are
     *                     handed over together: waking the processor for every single commit made it write each
     *                     letter in its own small transaction, which under load cost more CPU than the commands
     *                     themselves; a few tens of milliseconds let it batch them while views stay fresh.
     */
    public EventArrivalSource(EventStore eventStore,
                              @Value("${letterdesk.projection.wake-interval:PT0.05S}") Duration wakeInterval) {
        this.eventStore = eventStore;
        this.wakeIntervalNanos = wakeInterval.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    // ------------------------------------------------------------------ the watcher

    @Override
    public void start() {
        Thread thread = new Thread(this::watch, "event-arrival-watcher");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = watcher;
        watcher = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }

    private void watch() {
        Thread self = Thread.currentThread();
        long lastWake = System.nanoTime() - wakeIntervalNanos;
        while (watcher == self) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
                while (watcher == self) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        long wait = lastWake + wakeIntervalNanos - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait); // let the events of the next few commits join
                        }
                        while (stream.hasNextAvailable()) {
                            stream.nextAvailable(); // only the arrival matters; the payload is never read
                        }
                        lastWake = System.nanoTime();
                        readers.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Watching the event store for new events failed; retrying in {}", RETRY_AFTER_FAILURE, e);
                try {
                    Thread.sleep(RETRY_AFTER_FAILURE.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** A stream of the event store whose reader is called back when events arrive. */
    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                readers.remove(previous);
            }
            this.callback = callback;
            readers.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                readers.remove(current);
            }
            delegate.close();
        }
    }
}
