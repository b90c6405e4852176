package org.letterdesk.command.deadline;

import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The persistent deadline manager with an index of its schedules by scope and name. Axon's db-scheduler manager
 * cancels "all deadlines of this name in this scope" by reading and deserializing every scheduled deadline of
 * every letter, which grows with the store; the index ({@code deadline_schedule}, written in the same
 * transaction) turns that into a lookup of the letter's few schedule ids.
 */
public class IndexedDeadlineManager implements DeadlineManager {

    private final DbSchedulerDeadlineManager delegate;
    private final JdbcTemplate jdbc;
    private final String taskName;

    /** {@code taskName}: the db-scheduler task that runs the deadlines, the first column of its tasks' key. */
    public IndexedDeadlineManager(DbSchedulerDeadlineManager delegate, JdbcTemplate jdbc, String taskName) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.taskName = taskName;
    }

    /** The wrapped manager, which the scheduler's deadline task invokes when a deadline is due. */
    DbSchedulerDeadlineManager dbScheduler() {
        return delegate;
    }

    @Override
    public String schedule(java.time.Instant triggerDateTime, String deadlineName,
                           Object messageOrPayload, ScopeDescriptor deadlineScope) {
        String scheduleId = delegate.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        jdbc.update("INSERT INTO deadline_schedule (scope, deadline_name, schedule_id) VALUES (?, ?, ?)",
                scopeKey(deadlineScope), deadlineName, scheduleId);
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        unschedule(scheduleId);
        jdbc.update("DELETE FROM deadline_schedule WHERE schedule_id = ?", scheduleId);
    }

    @Override
    public void cancelAll(String deadlineName) {
        delegate.cancelAll(deadlineName);
        jdbc.update("DELETE FROM deadline_schedule WHERE deadline_name = ?", deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        List<String> scheduleIds = jdbc.queryForList(
                "DELETE FROM deadline_schedule WHERE scope = ? AND deadline_name = ? RETURNING schedule_id",
                String.class, scopeKey(scope), deadlineName);
        scheduleIds.forEach(this::unschedule);
    }

    /**
     * Removes a schedule in the current transaction. One that already fired is gone; one that is firing right now
     * is left to finish (db-scheduler would refuse to cancel it and fail the whole command), and the letter
     * ignores a deadline it no longer has open. By the whole key (task name, instance): the instance alone is
     * not a prefix of the key's index, and would scan all of it, i.e. every open deadline of every letter.
     */
    private void unschedule(String scheduleId) {
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ? AND picked = false",
                taskName, scheduleId);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerDispatchInterceptor(interceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerHandlerInterceptor(interceptor);
    }

    private static String scopeKey(ScopeDescriptor scope) {
        return scope.scopeDescription();
    }
}
