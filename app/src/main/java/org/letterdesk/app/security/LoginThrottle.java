package org.letterdesk.app.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits failed logins per user name and per client address (Bucket4j token buckets): each failure takes a token
 * from both; while either bucket is empty every attempt is refused before the password is looked at — the right
 * password too — until the bucket has refilled (greedily: {@code failures-per-user} tokens per {@code window}).
 * Successful logins take nothing. Any login path calls {@link #check} before and {@link #failed} after a failed
 * attempt ({@link ThrottledAuthenticationProvider} does for every user-name-and-password login).
 */
@Component
public class LoginThrottle {

    /** Buckets are kept only for names and addresses with recent failures; full ones are dropped now and then. */
    private static final int SWEEP_EVERY = 1_000;
    private static final int MAX_KEY = 200;

    private final boolean enabled;
    private final Bandwidth perUser;
    private final Bandwidth perAddress;
    private final Map<String, Bucket> users = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    LoginThrottle(@Value("${letterdesk.security.login-throttle.enabled:true}") boolean enabled,
                  @Value("${letterdesk.security.login-throttle.failures-per-user:10}") int failuresPerUser,
                  @Value("${letterdesk.security.login-throttle.failures-per-address:50}") int failuresPerAddress,
                  @Value("${letterdesk.security.login-throttle.window:PT1M}") Duration window) {
        this.enabled = enabled;
        this.perUser = Bandwidth.builder().capacity(failuresPerUser).refillGreedy(failuresPerUser, window).build();
        this.perAddress = Bandwidth.builder().capacity(failuresPerAddress).refillGreedy(failuresPerAddress, window)
                .build();
    }

    /** Refuses the attempt (429 at the HTTP edge) while the user's or the address's failures are used up. */
    public void check(String user, String address) throws LoginThrottledException {
        if (!enabled) {
            return;
        }
        long waitNanos = Math.max(wait(users.get(userKey(user))), wait(addresses.get(addressKey(address))));
        if (waitNanos > 0) {
            throw new LoginThrottledException(Duration.ofNanos(waitNanos));
        }
    }

    /** Counts a failed attempt against the user name and the address. */
    public void failed(String user, String address) {
        if (!enabled) {
            return;
        }
        users.computeIfAbsent(userKey(user), k -> bucket(perUser)).tryConsume(1);
        if (address != null) {
            addresses.computeIfAbsent(addressKey(address), k -> bucket(perAddress)).tryConsume(1);
        }
        if (failures.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
    }

    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private static Bucket bucket(Bandwidth limit) {
        return Bucket.builder().addLimit(limit).build();
    }

    /** A bucket that has refilled completely says nothing any more. */
    private void sweep() {
        users.values().removeIf(bucket -> bucket.getAvailableTokens() >= perUser.getCapacity());
        addresses.values().removeIf(bucket -> bucket.getAvailableTokens() >= perAddress.getCapacity());
    }

    /** User names are matched case-insensitively, as the user store does; a guessed name costs bounded memory. */
    private static String userKey(String user) {
        String key = user == null ? "" : user.toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    private static String addressKey(String address) {
        return address == null ? "" : address;
    }
}
