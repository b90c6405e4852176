package org.letterdesk.command.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Persistent deadlines: Axon's {@code DbSchedulerDeadlineManager} on db-scheduler, on the application's PostgreSQL
 * (table {@code scheduled_tasks}), behind {@link IndexedDeadlineManager}. The data source is transaction-aware so
 * a deadline is scheduled or cancelled in the same transaction as the events that set or meet it.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineSchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSchedulerConfiguration.class);

    /**
     * The task that runs due deadlines; it finds the manager lazily, which needs this scheduler first. A failed
     * deadline is tried again within seconds (see {@link RetryingDeadlineTask}).
     */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(
            ApplicationContext context,
            @Value("${letterdesk.deadlines.retry.first-delay:PT1S}") Duration firstRetry,
            @Value("${letterdesk.deadlines.retry.max-delay:PT5M}") Duration maxRetry) {
        return new RetryingDeadlineTask<>(DbSchedulerDeadlineManager.binaryTask(
                () -> context.getBean(IndexedDeadlineManager.class).dbScheduler()), firstRetry, maxRetry);
    }

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${letterdesk.deadlines.polling-interval:PT2S}") Duration pollingInterval,
                                @Value("${letterdesk.deadlines.scheduler-threads:2}") int threads) {
        // Recurring tasks (the spot check's automatic draw) are started: scheduled once, if not yet, at start-up.
        List<RecurringTask<?>> recurring = tasks.stream().filter(t -> t instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .enableImmediateExecution()
                .build();
    }

    @Bean
    IndexedDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                           @Qualifier("eventSerializer") Serializer serializer,
                                           TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory, JdbcTemplate jdbc,
                                           @Qualifier("deadlineDetailsTask")
                                           Task<DbSchedulerBinaryDeadlineDetails> deadlineTask) {
        DbSchedulerDeadlineManager dbScheduler = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false) // started below, once the application is ready
                .stopScheduler(false)
                .build();
        return new IndexedDeadlineManager(dbScheduler, jdbc, deadlineTask.getName());
    }

    /** Started only once the application is ready, so a due deadline finds its aggregate handlers registered. */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(Scheduler.class).start();
        log.info("Deadline scheduler started");
    }

    @EventListener(ContextClosedEvent.class)
    void stop(ContextClosedEvent event) {
        event.getApplicationContext().getBean(Scheduler.class).stop();
    }
}
