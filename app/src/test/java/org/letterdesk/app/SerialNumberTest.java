package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SerialNumberTest extends ApiTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void fiftyConcurrentRegistrationsGetFiftyDistinctNumbersWithoutGaps() throws Exception {
        int year = freshYear();
        List<Callable<Reply>> registrations = IntStream.range(0, 50)
                .mapToObj(i -> (Callable<Reply>) () -> post("clerk", "/api/letters",
                        letter(year + "-06-%02dT09:%02d:00+08:00".formatted(1 + i % 28, i))))
                .toList();
        List<String> serials = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Reply> reply : pool.invokeAll(registrations)) {
                assertThat(reply.get().status()).isEqualTo(201);
                serials.add(reply.get().body().get("serialNo").asString());
            }
        } finally {
            pool.shutdown();
        }
        List<String> expected = IntStream.rangeClosed(1, 50).mapToObj(n -> "%d-%06d".formatted(year, n)).toList();
        assertThat(serials).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void numbersCountPerYearOfReceiptInTheOrganisationsZone() {
        int year = freshYear();
        // 31 Dec 23:30 in Shanghai is still that year, though it is already 15:30 UTC of that day.
        Reply lastOfYear = post("clerk", "/api/letters", letter(year + "-12-31T23:30:00+08:00"));
        // 1 Jan 00:30 in Shanghai belongs to the next year, though UTC still says 31 Dec.
        Reply firstOfNext = post("clerk", "/api/letters", letter((year + 1) + "-01-01T00:30:00+08:00"));
        assertThat(lastOfYear.body().get("serialNo").asString()).isEqualTo(year + "-000001");
        assertThat(firstOfNext.body().get("serialNo").asString()).startsWith((year + 1) + "-");
    }

    @Test
    void aRefusedRegistrationDoesNotUseUpANumber() {
        int year = freshYear();
        Reply first = post("clerk", "/api/letters", letter(year + "-02-02T10:00:00+08:00"));
        var invalid = new java.util.HashMap<>(letter(year + "-02-02T10:00:00+08:00"));
        invalid.put("receivedAt", "2999-01-01T00:00:00+08:00"); // refused inside the command handler
        assertThat(post("clerk", "/api/letters", invalid).status()).isEqualTo(400);
        Reply second = post("clerk", "/api/letters", letter(year + "-02-03T10:00:00+08:00"));
        assertThat(first.body().get("serialNo").asString()).isEqualTo(year + "-000001");
        assertThat(second.body().get("serialNo").asString()).isEqualTo(year + "-000002");
    }

    @Test
    void aRegistrationThatFailsAfterTakingItsNumberGivesItToTheNextRegistration() {
        int year = freshYear();
        Reply first = post("clerk", "/api/letters", letter(year + "-03-01T10:00:00+08:00"));
        String marker = "fails-" + year;
        withEventTrigger(marker, "RAISE EXCEPTION 'the test refuses this event'", () -> {
            Reply failed = post("clerk", "/api/letters", marked(letter(year + "-03-02T10:00:00+08:00"), marker));
            assertThat(failed.status()).as(failed.text()).isNotEqualTo(201);
        });
        Reply second = post("clerk", "/api/letters", letter(year + "-03-03T10:00:00+08:00"));
        Reply third = post("clerk", "/api/letters", letter(year + "-03-04T10:00:00+08:00"));
        assertThat(List.of(first, second, third)).extracting(reply -> reply.body().get("serialNo").asString())
                .containsExactly(year + "-000001", year + "-000002", year + "-000003");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM register_serial_claim WHERE serial_year = ?",
                Integer.class, year)).isZero();
    }

    @Test
    void aNumberReservedByANodeThatStoppedGoesToARegistrationAfterTheReservationExpired() {
        int year = freshYear();
        Reply first = post("clerk", "/api/letters", letter(year + "-05-01T10:00:00+08:00"));
        // What a node leaves behind when it stops between reserving number 2 and registering with it.
        jdbc.update("UPDATE register_serial SET last_no = last_no + 1 WHERE serial_year = ?", year);
        jdbc.update("INSERT INTO register_serial_claim (serial_year, serial_no, token) VALUES (?, 2, ?)", year,
                UUID.randomUUID());
        // While the reservation is young its registration may still be running: the next one gets a new number.
        Reply meanwhile = post("clerk", "/api/letters", letter(year + "-05-02T10:00:00+08:00"));
        jdbc.update("UPDATE register_serial_claim SET claimed_at = claimed_at - interval '1 hour' "
                + "WHERE serial_year = ?", year);
        Reply after = post("clerk", "/api/letters", letter(year + "-05-03T10:00:00+08:00"));
        Reply last = post("clerk", "/api/letters", letter(year + "-05-04T10:00:00+08:00"));
        assertThat(List.of(first, meanwhile, after, last))
                .extracting(reply -> reply.body().get("serialNo").asString())
                .containsExactly(year + "-000001", year + "-000003", year + "-000002", year + "-000004");
    }

    @Test
    void aSlowRegistrationDoesNotHoldUpTheNextRegistrationOfItsYear() throws Exception {
        int year = freshYear();
        String marker = "slow-" + year;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            withEventTrigger(marker, "PERFORM pg_sleep(4)", () -> {
                Future<Reply> slow = pool.submit(() -> post("clerk", "/api/letters",
                        marked(letter(year + "-04-01T10:00:00+08:00"), marker)));
                awaitSleepingStatement();
                // The slow registration holds its number and is still inside its transaction; the old design
                // locked the year's counter until that transaction ended. (Another sender: letters of one sender
                // wait for each other, for the sender file's count.)
                Map<String, Object> quickLetter = new HashMap<>(letter(year + "-04-02T10:00:00+08:00"));
                quickLetter.put("sender", Map.of("name", "李四", "phone", "13900139000"));
                Reply quick = post("clerk", "/api/letters", quickLetter);
                assertThat(quick.status()).as(quick.text()).isEqualTo(201);
                assertThat(sleepingStatements()).as("the slow registration is still storing its events").isOne();
                assertThat(quick.body().get("serialNo").asString()).isEqualTo(year + "-000002");
                Reply slowReply = answer(slow);
                assertThat(slowReply.status()).as(slowReply.text()).isEqualTo(201);
                assertThat(slowReply.body().get("serialNo").asString()).isEqualTo(year + "-000001");
            });
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> marked(Map<String, Object> letter, String subject) {
        Map<String, Object> body = new HashMap<>(letter);
        body.put("subject", subject);
        return body;
    }

    /** Runs {@code body} while every stored event whose subject is {@code subject} runs {@code statement} first. */
    private void withEventTrigger(String subject, String statement, ThrowingRunnable body) {
        String name = "test_" + subject.replace('-', '_');
        jdbc.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.payload->>'subject' = '" + subject + "' THEN " + statement + "; END IF; "
                + "RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER " + name + " BEFORE INSERT ON domain_event_entry FOR EACH ROW EXECUTE FUNCTION "
                + name + "()");
        try {
            body.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            dropEventTrigger(name);
        }
    }

    /**
     * Drops the trigger and its function in one transaction that first locks the event table exclusively. A bare
     * DROP TRIGGER locks the table only for reading and then each partition's copy of the trigger, the default
     * partition first, while a query of the whole table (a processor reading by position) locks the partitions in
     * range order, the default partition last: the two can deadlock. Locking the table first waits for such queries
     * to end and lets no new one start until the drop commits.
     */
    private void dropEventTrigger(String name) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("LOCK TABLE domain_event_entry IN ACCESS EXCLUSIVE MODE");
            jdbc.execute("DROP TRIGGER " + name + " ON domain_event_entry");
            jdbc.execute("DROP FUNCTION " + name + "()");
        });
    }

    private int sleepingStatements() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
                + "AND datname = current_database()", Integer.class);
    }

    private void awaitSleepingStatement() throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (sleepingStatements() == 0) {
            assertThat(System.nanoTime()).as("the slow registration reached its event's insert").isLessThan(until);
            Thread.sleep(20);
        }
    }

    private static Reply answer(Future<Reply> reply) throws Exception {
        return reply.get(30, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
