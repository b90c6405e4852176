package org.letterdesk.query.rebuild;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.letterdesk.events.LetterEvent;
import org.letterdesk.query.letter.FoldedLetter;
import org.letterdesk.query.letter.LetterProjection;
import org.letterdesk.query.letter.LetterWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The first, bulk part of a rebuild: reads the event store up to its head letter by letter ({@link EventStoreScan}
 * reads in stream order), folds each letter's events in memory and writes each letter's rows once, when its last
 * event has been read — with the live projection's own fold and write path ({@link LetterWriter}), so a
 * bulk-replayed table is the table the projection builds. The read models are per letter (the register's counts
 * are sums), so the order across letters does not change what is written.
 * <p>
 * Three kinds of work overlap: one thread reads and deserializes the store, this one folds the events, and writer
 * threads write the folded letters in groups of {@code writeBatch}, one transaction per group and segment, each
 * letter under the segment it belongs to, as the processor would have.
 * <p>
 * It returns the gap-aware token of the head it read up to; the processor goes on from there. If it stops half-way
 * (an error, a shutdown), the processor replays from the start instead: the fold skips what a stored view already
 * has, so what was written meanwhile is neither lost nor applied twice.
 */
@Component
class BulkReplay {

    /** Letter writes after which the tables' statistics are first refreshed (then at each doubling). */
    private static final long FIRST_ANALYZE = 1_000;
    /** Chunks read ahead of the fold. */
    private static final int QUEUED_CHUNKS = 4;

    private final EventStoreScan scan;
    private final LetterWriter writer;
    private final int writeBatch;
    private final int readChunk;
    private final int writerThreads;

    /**
     * @param writeBatch    folded letters handed to the writers at a time
     * @param readChunk     events handed from the reader to the fold at a time (and the read's fetch size)
     * @param writerThreads threads writing letters, each for a share of the segments (at most one per segment)
     */
    BulkReplay(EventStoreScan scan, LetterWriter writer,
               @Value("${letterdesk.rebuild.write-batch:1000}") int writeBatch,
               @Value("${letterdesk.rebuild.read-chunk:1000}") int readChunk,
               @Value("${letterdesk.rebuild.writer-threads:2}") int writerThreads) {
        this.scan = scan;
        this.writer = writer;
        this.writeBatch = Math.max(1, writeBatch);
        this.readChunk = Math.max(1, readChunk);
        this.writerThreads = Math.max(1, writerThreads);
    }

    /** What the replay needs of the processor it stands in for. */
    record Target(TransactionManager transactions, SequencingPolicy<? super TrackedEventMessage<?>> sequencing,
                  Segment[] segments) {
    }

    /** How a finished replay went: the token it read up to (null for an empty store), what it did. */
    record Result(TrackingToken last, long events, long letterWrites) {
    }

    /** A letter being folded and the segment whose processor thread would have projected it. */
    private record Open(FoldedLetter letter, int segment) {
    }

    /** A letter event as the reader hands it over: deserialized, with what the fold needs of its message. */
    private record ReadEvent(LetterEvent event, long sequence, Instant at, String user, int segment) {
    }

    /** Events read in a row; {@code size} counts the events of other kinds too. */
    private record Chunk(List<ReadEvent> letterEvents, int size) {
    }

    private static final Chunk END = new Chunk(List.of(), 0);

    /**
     * Replays every event now in the store into tables the reset left empty.
     *
     * @param progress told the number of events folded so far, after each chunk
     * @param stopped  polled between chunks; when true the replay stops and returns {@code null}
     * @return what it did, or {@code null} when stopped
     */
    Result replay(Target target, LongConsumer progress, BooleanSupplier stopped) {
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        AtomicReference<TrackingToken> head = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        String name = Thread.currentThread().getName();
        Thread reader = new Thread(() -> read(target, chunks, head, readFailure, cancelled), name + "-reader");
        reader.setDaemon(true);
        reader.start();
        Writers writers = new Writers(target, Math.min(writerThreads, Math.max(1, target.segments().length)), name);
        List<Open> folded = new ArrayList<>(writeBatch);
        Open current = null;
        long events = 0;
        try {
            while (true) {
                if (stopped.getAsBoolean()) {
                    return null;
                }
                Chunk chunk = chunks.poll(1, TimeUnit.SECONDS);
                if (chunk == null) {
                    continue;
                }
                if (chunk == END) {
                    break;
                }
                events += chunk.size();
                for (ReadEvent read : chunk.letterEvents()) {
                    String letterId = read.event().letterId();
                    if (current == null || !current.letter().letterId().equals(letterId)) {
                        if (current != null) {
                            if (letterId.compareTo(current.letter().letterId()) < 0) {
                                // Stream order is what makes one write per letter right; never write a letter twice.
                                throw new IllegalStateException("Events out of stream order: letter " + letterId
                                        + " after " + current.letter().letterId());
                            }
                            folded.add(current);
                        }
                        current = new Open(FoldedLetter.fresh(letterId), read.segment());
                    }
                    current.letter().apply(read.event(), read.sequence(), read.at(), read.user());
                }
                if (folded.size() >= writeBatch) {
                    writers.hand(folded);
                    folded = new ArrayList<>(writeBatch);
                }
                progress.accept(events);
            }
            rethrow(readFailure.get());
            if (current != null) {
                folded.add(current);
            }
            writers.hand(folded);
            writers.awaitAll();
            writer.analyze(true);
            return new Result(head.get(), events, writers.letterWrites());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            cancelled.set(true);
            reader.interrupt();
            writers.shutDown();
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** The reader thread: the store in chunks of {@code readChunk} events, then its head's token and {@link #END}. */
    private void read(Target target, BlockingQueue<Chunk> chunks, AtomicReference<TrackingToken> head,
                      AtomicReference<Throwable> failure, AtomicBoolean cancelled) {
        try {
            head.set(scan.readInStreamOrder(readChunk, page -> {
                List<ReadEvent> letterEvents = new ArrayList<>(page.size());
                for (EventStoreScan.ScannedEvent scanned : page) {
                    TrackedEventMessage<?> message = scanned.message();
                    if (LetterEvent.class.isAssignableFrom(message.getPayloadType())) {
                        letterEvents.add(new ReadEvent((LetterEvent) message.getPayload(), sequenceOf(message),
                                message.getTimestamp(), scanned.user(), segmentOf(message, target)));
                    }
                }
                return hand(chunks, new Chunk(letterEvents, page.size()), cancelled);
            }));
        } catch (Throwable e) {
            failure.set(e);
        }
        hand(chunks, END, cancelled);
    }

    /** Queues the chunk, waiting for room; false when the replay was cancelled meanwhile. */
    private static boolean hand(BlockingQueue<Chunk> chunks, Chunk chunk, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get()) {
                if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * The writer threads. A segment's groups are always written by the same thread, in order, so the register's
     * counts of a segment (its shard) are written by one thread only; a bounded number of groups is in flight.
     */
    private final class Writers {

        private final Target target;
        private final List<ExecutorService> threads = new ArrayList<>();
        private final Semaphore inFlightGroups;
        private final List<Future<?>> pending = new ArrayList<>();
        private long letterWrites;
        private long analyzeAt = FIRST_ANALYZE;

        Writers(Target target, int count, String name) {
            this.target = target;
            this.inFlightGroups = new Semaphore(2 * count);
            for (int i = 0; i < count; i++) {
                String threadName = name + "-writer-" + i;
                threads.add(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, threadName);
                    thread.setDaemon(true);
                    return thread;
                }));
            }
        }

        /** Hands the folded letters to the writers, one group per segment. */
        void hand(List<Open> letters) throws InterruptedException {
            Map<Integer, List<FoldedLetter>> bySegment = new HashMap<>();
            for (Open letter : letters) {
                bySegment.computeIfAbsent(letter.segment(), s -> new ArrayList<>()).add(letter.letter());
            }
            for (Map.Entry<Integer, List<FoldedLetter>> group : bySegment.entrySet()) {
                submit(group.getKey(), group.getValue());
            }
        }

        private void submit(int segment, List<FoldedLetter> letters) throws InterruptedException {
            checkFailures();
            inFlightGroups.acquire();
            letterWrites += letters.size();
            ExecutorService thread = threads.get(Math.floorMod(segment, threads.size()));
            pending.add(thread.submit(() -> {
                try {
                    write(letters, segment, target);
                } finally {
                    inFlightGroups.release();
                }
            }));
            if (letterWrites >= analyzeAt) {
                // The tables have doubled since the last statistics: let the planner see them as they are now.
                awaitAll();
                writer.analyze(false);
                analyzeAt *= 2;
            }
        }

        void awaitAll() throws InterruptedException {
            for (Future<?> future : pending) {
                await(future);
            }
            pending.clear();
        }

        /** Drops the finished writes, failing the replay if one of them failed. */
        private void checkFailures() throws InterruptedException {
            Iterator<Future<?>> futures = pending.iterator();
            while (futures.hasNext()) {
                Future<?> future = futures.next();
                if (future.isDone()) {
                    await(future);
                    futures.remove();
                }
            }
        }

        /** Waits for one write; its failure becomes the replay's. */
        private static void await(Future<?> write) throws InterruptedException {
            try {
                write.get();
            } catch (ExecutionException e) {
                rethrow(e.getCause());
            }
        }

        long letterWrites() {
            return letterWrites;
        }

        void shutDown() {
            threads.forEach(ExecutorService::shutdownNow);
        }
    }

    private void write(List<FoldedLetter> letters, int segment, Target target) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(target.transactions());
            unitOfWork.resources().put(LetterProjection.SEGMENT_ID_RESOURCE, segment);
            writer.prefetch(letters); // every letter is new to the tables: this only prepares the batch
            writer.write(letters);
            unitOfWork.commit();
        } catch (RuntimeException | Error e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    private static int segmentOf(TrackedEventMessage<?> message, Target target) {
        Object sequence = target.sequencing().getSequenceIdentifierFor(message);
        for (Segment segment : target.segments()) {
            if (segment.matches(sequence)) {
                return segment.getSegmentId();
            }
        }
        return target.segments().length == 0 ? 0 : target.segments()[0].getSegmentId();
    }

    private static long sequenceOf(TrackedEventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            return domain.getSequenceNumber();
        }
        throw new IllegalStateException("A letter event outside an aggregate stream: " + message.getIdentifier());
    }
}
