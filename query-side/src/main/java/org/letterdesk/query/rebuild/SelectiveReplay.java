package org.letterdesk.query.rebuild;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.letterdesk.events.LetterEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The rebuild of the processors with small read models (sender files, spot checks): one read of only the events
 * their handlers take, in global order, handed to their handlers as their processors would — instead of each
 * processor reading all of the store through Axon to skip nearly every event (two full reads of the store that took
 * longer than the bulk replay of the letters itself).
 * <p>
 * Which stored types to read is asked of the processors' own handlers: every event class of the published language
 * that one of them can handle. A stored type is the class's name, as no upcaster renames a type; with upcasters
 * configured the rebuild does not use this read at all ({@link ReadModelRebuild}).
 */
@Component
class SelectiveReplay {

    private final EventStoreScan scan;
    private final int readChunk;

    SelectiveReplay(EventStoreScan scan, @Value("${letterdesk.rebuild.read-chunk:1000}") int readChunk) {
        this.scan = scan;
        this.readChunk = Math.max(1, readChunk);
    }

    /** A processor whose read model this replay fills: its handlers, and the transactions they write in. */
    record Target(String processor, EventHandlerInvoker handlers, TransactionManager transactions) {
    }

    /** How a finished replay went: the token it read up to (null for an empty store) and the events it read. */
    record Result(TrackingToken last, long events) {
    }

    /**
     * Replays the events the targets handle into their emptied tables, one transaction per page and target.
     *
     * @param progress told the global position read up to, after each page
     * @param stopped  polled between pages; when true the replay stops and returns {@code null}
     * @return what it did, or {@code null} when stopped
     */
    Result replay(List<Target> targets, LongConsumer progress, BooleanSupplier stopped) {
        Set<String> types = handledTypes(targets);
        long[] events = {0};
        TrackingToken last = scan.readOfTypesInGlobalOrder(types, readChunk, page -> {
            if (stopped.getAsBoolean()) {
                return false;
            }
            for (Target target : targets) {
                handle(target, page);
            }
            events[0] += page.size();
            page.get(page.size() - 1).message().trackingToken().position().ifPresent(progress::accept);
            return true;
        });
        return stopped.getAsBoolean() ? null : new Result(last, events[0]);
    }

    private static void handle(Target target, List<EventStoreScan.ScannedEvent> page) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(target.transactions());
            for (EventStoreScan.ScannedEvent scanned : page) {
                TrackedEventMessage<?> message = scanned.message();
                if (target.handlers().canHandleType(message.getPayloadType())) {
                    // The root segment: every event once, whatever the processor's own segments are.
                    target.handlers().handle(message, Segment.ROOT_SEGMENT);
                }
            }
            unitOfWork.commit();
        } catch (Exception e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Replaying into " + target.processor() + " failed", e);
        }
    }

    /** The stored payload types of the published language that any of the targets' handlers can handle. */
    static Set<String> handledTypes(List<Target> targets) {
        Set<String> types = new TreeSet<>();
        for (Class<?> type : eventClasses()) {
            if (targets.stream().anyMatch(target -> target.handlers().canHandleType(type))) {
                types.add(type.getName());
            }
        }
        return types;
    }

    /** Every concrete class of the published language's package: what the store's payloads are. */
    static List<Class<?>> eventClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        ClassLoader loader = SelectiveReplay.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        scanner.findCandidateComponents(LetterEvent.class.getPackageName()).forEach(candidate ->
                classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), loader)));
        return classes;
    }
}
