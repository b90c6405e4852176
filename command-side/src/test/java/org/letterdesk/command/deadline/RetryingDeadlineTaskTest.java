package org.letterdesk.command.deadline;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingDeadlineTaskTest {

    private final RetryingDeadlineTask.Backoff<Object> backoff =
            new RetryingDeadlineTask.Backoff<>(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void aFirstFailureIsRetriedAfterTheFirstDelay() {
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eachFurtherFailureDoublesTheDelay() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(8)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void theDelayStopsGrowingAtTheMaximum() {
        assertThat(backoff.delay(9)).isEqualTo(Duration.ofMinutes(5)); // 512 s would exceed it
        assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void delaysMustBePositiveAndOrdered() {
        assertThatThrownBy(() -> new RetryingDeadlineTask.Backoff<>(Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryingDeadlineTask.Backoff<>(Duration.ofMinutes(6), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
