package org.letterdesk.query.quality;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs part of a read-only repeatable-read transaction's reads on a second connection that sees the same snapshot
 * (PostgreSQL's {@code pg_export_snapshot()} and {@code SET TRANSACTION SNAPSHOT}), so that two independent
 * aggregates of one request run at the same time and still agree with each other.
 *
 * <p>A helper is optional: at most {@value #HELPERS} forks run on helpers at once (each holds one more pooled
 * connection); when both helpers are busy, or the work has not been picked up by the time its result is wanted, the
 * caller runs it itself in its own transaction, which is the same snapshot. A helper that cannot get a connection
 * hands the work back to the caller too.
 */
@Component
public class SnapshotFork implements DisposableBean {

    static final int HELPERS = 2;
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate imported;
    private final ThreadPoolExecutor helpers;

    SnapshotFork(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.imported = new TransactionTemplate(transactions);
        this.imported.setReadOnly(true);
        this.imported.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        AtomicInteger threads = new AtomicInteger();
        // No queue: a fork no helper can take at once is left to its caller rather than waiting behind others.
        this.helpers = new ThreadPoolExecutor(HELPERS, HELPERS, 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "snapshot-fork-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Starts {@code work} on a helper that imports the calling transaction's snapshot. Must be called inside a
     * repeatable-read transaction, and {@link Forked#join()} before that transaction ends.
     */
    public <T> Forked<T> fork(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a snapshot can only be shared from within a transaction");
        }
        Forked<T> forked = new Forked<>(work);
        if (helpers.getActiveCount() >= HELPERS) {
            return forked; // the caller runs it
        }
        String snapshot = jdbc.queryForObject("SELECT pg_export_snapshot()", String.class);
        if (snapshot == null || !SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalStateException("unexpected snapshot identifier");
        }
        try {
            helpers.execute(() -> forked.runOnHelper(() -> imported.execute(status -> {
                // Must be the transaction's first statement; the identifier is PostgreSQL's own (checked above).
                jdbc.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                return work.get();
            })));
        } catch (RejectedExecutionException busy) {
            // Both helpers were taken between the check and now: the caller runs it.
        }
        return forked;
    }

    @Override
    public void destroy() {
        helpers.shutdownNow();
    }

    /** Work forked from a transaction: its result, from whichever of the helper and the caller ran it. */
    public static final class Forked<T> {

        private final Supplier<T> work;
        private final AtomicBoolean taken = new AtomicBoolean();
        private final CompletableFuture<T> onHelper = new CompletableFuture<>();

        private Forked(Supplier<T> work) {
            this.work = work;
        }

        private void runOnHelper(Supplier<T> inImportedSnapshot) {
            if (!taken.compareAndSet(false, true)) {
                return;
            }
            try {
                onHelper.complete(inImportedSnapshot.get());
            } catch (Throwable failure) {
                onHelper.completeExceptionally(failure);
            }
        }

        /**
         * Tells a helper that has not taken the work yet to leave it: the caller's transaction (whose snapshot it
         * would import) is ending without the result. Nothing happens if the work was taken.
         */
        public void abandon() {
            taken.set(true);
        }

        /** The work's result; runs it in the caller's transaction if no helper has taken it yet. */
        public T join() {
            if (taken.compareAndSet(false, true)) {
                return work.get();
            }
            try {
                return onHelper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a forked read", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CannotCreateTransactionException) {
                    return work.get(); // the helper got no connection; the caller still holds one
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
