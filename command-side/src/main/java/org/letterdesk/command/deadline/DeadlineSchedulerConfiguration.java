package org.letterdesk.command.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Persistent deadlines: db-scheduler on the application's PostgreSQL (table {@code scheduled_tasks}). Axon's
 * db-scheduler auto-configuration sees this scheduler and builds the {@code DbSchedulerDeadlineManager} and its
 * task around it. The data source is transaction-aware so a deadline is scheduled or cancelled in the same
 * transaction as the events that set or meet it.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineSchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSchedulerConfiguration.class);

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${letterdesk.deadlines.polling-interval:PT2S}") Duration pollingInterval,
                                @Value("${letterdesk.deadlines.scheduler-threads:2}") int threads) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .enableImmediateExecution()
                .build();
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
