package org.letterdesk.query.worklist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The clients listening for work-list changes (server-sent events). Changes come from the projection after each
 * commit; they are sent on a thread of their own, coalesced while a send is under way, so a slow client never
 * holds up the projection.
 */
@Component
class WorklistStream {

    private static final Logger log = LoggerFactory.getLogger(WorklistStream.class);
    /** Enough for a client to see which of its lines moved; a rebuild's batches say only how many. */
    private static final int MAX_IDS = 100;

    private final Set<SseEmitter> clients = ConcurrentHashMap.newKeySet();
    private final Set<String> pending = new LinkedHashSet<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "worklist-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration timeout;
    private boolean flushQueued;

    WorklistStream(@Value("${letterdesk.worklist.stream-timeout:PT10M}") Duration timeout) {
        this.timeout = timeout;
    }

    /** A new listener; the browser's EventSource reconnects by itself when the stream times out. */
    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        clients.add(emitter);
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(e -> clients.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("ready").data(Map.of("listening", true),
                    MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            clients.remove(emitter);
        }
        return emitter;
    }

    void publish(Set<String> letterIds) {
        if (letterIds.isEmpty() || clients.isEmpty()) {
            return;
        }
        synchronized (pending) {
            pending.addAll(letterIds);
            if (flushQueued) {
                return;
            }
            flushQueued = true;
        }
        sender.execute(this::flush);
    }

    private void flush() {
        List<String> ids;
        int count;
        synchronized (pending) {
            count = pending.size();
            ids = pending.stream().limit(MAX_IDS).toList();
            pending.clear();
            flushQueued = false;
        }
        Map<String, Object> data = Map.of("count", count, "letterIds", ids);
        for (SseEmitter client : clients) {
            try {
                client.send(SseEmitter.event().name("letters").data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                // The client went away; the container completes its request.
                clients.remove(client);
                log.debug("Work-list listener gone: {}", e.toString());
            }
        }
    }

    int listeners() {
        return clients.size();
    }

    /**
     * Before the web server's graceful shutdown, which would otherwise wait for every open stream to end by itself;
     * the browsers reconnect to whichever node serves them next.
     */
    @EventListener(ContextClosedEvent.class)
    void close() {
        clients.forEach(SseEmitter::complete);
        clients.clear();
        sender.shutdownNow();
    }
}
