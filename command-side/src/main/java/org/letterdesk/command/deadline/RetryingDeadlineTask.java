package org.letterdesk.command.deadline;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import java.time.Duration;

/**
 * Axon's deadline task with a retry that suits deadlines. A deadline that fires while a command appends to the
 * same letter loses the race for the letter's next sequence number and fails; db-scheduler's default would try
 * it again only after five minutes, so the letter's {@code DeadlineMissed} would be recorded that late. Here a
 * failed deadline is tried again after {@code firstRetry}, doubling up to {@code maxRetry} for one that keeps
 * failing.
 */
final class RetryingDeadlineTask<T> extends OneTimeTask<T> {

    private final Task<T> axonTask;

    RetryingDeadlineTask(Task<T> axonTask, Duration firstRetry, Duration maxRetry) {
        super(axonTask.getName(), axonTask.getDataClass(), new Backoff<>(firstRetry, maxRetry),
                axonTask.getDeadExecutionHandler());
        this.axonTask = axonTask;
    }

    @Override
    public void executeOnce(TaskInstance<T> taskInstance, ExecutionContext executionContext) {
        axonTask.execute(taskInstance, executionContext);
    }

    /** Reschedules a failed execution after {@link #delay}. */
    static final class Backoff<T> implements FailureHandler<T> {

        private final Duration first;
        private final Duration max;

        Backoff(Duration first, Duration max) {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("retry delays must be positive, the first no longer than the last");
            }
            this.first = first;
            this.max = max;
        }

        /** The wait after a failure that followed {@code earlierFailures} failed executions in a row. */
        Duration delay(int earlierFailures) {
            Duration delay = first;
            for (int i = 0; i < earlierFailures && delay.compareTo(max) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(max) < 0 ? delay : max;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
            operations.reschedule(complete,
                    complete.getTimeDone().plus(delay(complete.getExecution().consecutiveFailures)));
        }
    }
}
