package org.letterdesk.app.quality;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.letterdesk.query.quality.SnapshotFork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads forked from a repeatable-read transaction see that transaction's snapshot, on a helper or on the caller. */
class SnapshotForkTest extends ApiTestSupport {

    private static final String TABLE = "test_snapshot_fork_probe";

    @Autowired
    SnapshotFork fork;
    @Autowired
    PlatformTransactionManager transactions;

    private TransactionTemplate snapshot;

    @BeforeEach
    void probeTable() {
        jdbc.execute("CREATE TABLE " + TABLE + " (n INT)");
        jdbc.update("INSERT INTO " + TABLE + " VALUES (1), (2)");
        snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @AfterEach
    void dropProbeTable() {
        jdbc.execute("DROP TABLE " + TABLE);
    }

    @Test
    void aHelperReadsTheCallersSnapshotNotWhatWasCommittedSince() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        List<Long> counts = snapshot.execute(status -> {
            long before = count();
            insertOutsideThisTransaction();
            SnapshotFork.Forked<Long> forked = fork.fork(() -> {
                ranOn.set(Thread.currentThread().getName());
                return count();
            });
            awaitTaken(ranOn);
            return List.of(before, forked.join(), count());
        });
        assertThat(ranOn.get()).startsWith("snapshot-fork-");
        assertThat(counts).containsExactly(2L, 2L, 2L);
        assertThat(count()).as("the row inserted meanwhile was committed").isEqualTo(3);
    }

    @Test
    void whenEveryHelperIsBusyTheCallerRunsTheWorkInItsOwnSnapshot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Long>> busy = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                AtomicReference<String> taken = new AtomicReference<>();
                busy.add(CompletableFuture.supplyAsync(() -> snapshot.execute(status -> {
                    SnapshotFork.Forked<Long> blocking = fork.fork(() -> {
                        taken.set(Thread.currentThread().getName());
                        await(release);
                        return count();
                    });
                    awaitTaken(taken);
                    return blocking.join();
                })));
                awaitTaken(taken);
            }
            AtomicReference<String> ranOn = new AtomicReference<>();
            long forkedCount = snapshot.execute(status -> {
                count();
                insertOutsideThisTransaction();
                return fork.fork(() -> {
                    ranOn.set(Thread.currentThread().getName());
                    return count();
                }).join();
            });
            assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
            assertThat(forkedCount).isEqualTo(2);
        } finally {
            release.countDown();
        }
        for (CompletableFuture<Long> helper : busy) {
            assertThat(helper.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    private long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + TABLE, Long.class);
        return count == null ? 0 : count;
    }

    /** Commits a row on another thread (so on another connection) while the caller's transaction is open. */
    private void insertOutsideThisTransaction() {
        CompletableFuture.runAsync(() -> jdbc.update("INSERT INTO " + TABLE + " VALUES (3)")).join();
    }

    private static void awaitTaken(AtomicReference<String> taken) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (taken.get() == null) {
            assertThat(System.nanoTime()).as("a helper took the forked work").isLessThan(until);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
