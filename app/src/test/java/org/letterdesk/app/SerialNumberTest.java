package org.letterdesk.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SerialNumberTest extends ApiTestSupport {

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
}
