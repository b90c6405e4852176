package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failed logins are limited per user name (10 a minute) and per client address (50 a minute): beyond that every
 * attempt answers 429 TOO_MANY_REQUESTS with Retry-After, the right password too, until the bucket has refilled.
 */
class LoginThrottleTest extends ApiTestSupport {

    @Test
    void aBurstOfWrongPasswordsLocksTheUserOutUntilTheBucketRefills() {
        int failed = failUntilThrottled("archivist", Map.of());
        assertThat(failed).isGreaterThanOrEqualTo(10);
        Reply refused = as("archivist", "archivist", Map.of());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
        // Another user from the same address is not affected.
        assertThat(as("auditor", "auditor", Map.of()).status()).isEqualTo(200);

        // One token comes back every 6 s; a successful login takes none.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as("archivist", "archivist", Map.of()).status() == 200);
        assertThat(as("archivist", "archivist", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void manyFailedLoginsFromOneAddressLockThatAddressOut() {
        // The client's address as a trusted proxy gives it (this test's requests come from loopback).
        Map<String, String> fromAddress = Map.of("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 200 + 1));
        int failed = 0;
        for (Reply reply = as("nobody-" + UUID.randomUUID(), "guess", fromAddress); reply.status() != 429;
             reply = as("nobody-" + UUID.randomUUID(), "guess", fromAddress)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(++failed).as("attempts before the address was throttled").isLessThan(200);
        }
        assertThat(failed).isGreaterThanOrEqualTo(50);
        Reply refused = as("clerk", "clerk", fromAddress);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(as("clerk", "clerk", Map.of()).status()).isEqualTo(200);
    }

    /**
     * Wrong passwords until the throttle answers 429; returns how many failed first. (A bucket refills evenly as
     * time passes, so a slow machine may get a few more than the limit.)
     */
    private int failUntilThrottled(String user, Map<String, String> headers) {
        int failed = 0;
        for (Reply reply = as(user, "wrong-0", headers); reply.status() != 429;
             reply = as(user, "wrong-" + failed, headers)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(++failed).as("attempts before the user was throttled").isLessThan(100);
        }
        return failed;
    }

    private Reply as(String user, String password, Map<String, String> headers) {
        var spec = http.get().uri("/api/worklist").header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        for (var header : headers.entrySet()) {
            spec = spec.header(header.getKey(), header.getValue());
        }
        return spec.exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(response.getStatusCode().value(), response.getHeaders(),
                    text.startsWith("{") ? json.readTree(text) : json.createObjectNode(), text);
        });
    }
}
