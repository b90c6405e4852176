package org.letterdesk.app.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the event table's partitions: at start-up the coming months' partitions are created (a letter registered in a
 * month without one still lands safely, in the default partition, and moves into its month's partition when that is
 * created), and every {@code interval} the closed months are rewritten in letter order. Several nodes may run it:
 * the SQL functions take one advisory lock, so they take turns.
 */
@Component
class EventStoreMaintenance {

    private static final Logger log = LoggerFactory.getLogger(EventStoreMaintenance.class);

    private final EventStorePartitions partitions;
    private final boolean enabled;
    private final int monthsAhead;
    private final Duration interval;
    private final Duration compactAfter;
    private ScheduledExecutorService executor;

    EventStoreMaintenance(EventStorePartitions partitions,
                          @Value("${letterdesk.event-store.maintenance.enabled:true}") boolean enabled,
                          @Value("${letterdesk.event-store.partitions.months-ahead:3}") int monthsAhead,
                          @Value("${letterdesk.event-store.maintenance.interval:PT6H}") Duration interval,
                          @Value("${letterdesk.event-store.compaction.after-month-end:P90D}") Duration compactAfter) {
        this.partitions = partitions;
        this.enabled = enabled;
        this.monthsAhead = monthsAhead;
        this.interval = interval;
        this.compactAfter = compactAfter;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) {
            return;
        }
        List<String> created = partitions.ensureAhead(monthsAhead);
        if (!created.isEmpty()) {
            log.info("Event store partitions created: {}", created);
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass: the coming months' partitions, then every closed month not yet rewritten, oldest first. */
    void run() {
        try {
            partitions.ensureAhead(monthsAhead);
            for (YearMonth month : partitions.compactable(compactAfter)) {
                EventStorePartitions.Compaction done = partitions.compact(month);
                log.info("Event store partition {} rewritten in letter order: {} events in {} ms",
                        done.partition(), done.events(), done.millis());
            }
        } catch (RuntimeException e) {
            // Most likely the swap did not get its lock within 2 s; the whole rewrite was rolled back and the
            // next pass tries again.
            log.warn("Event store maintenance stopped, to be tried again in {}: {}", interval, e.getMessage());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
