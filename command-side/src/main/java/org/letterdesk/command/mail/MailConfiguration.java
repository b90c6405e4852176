package org.letterdesk.command.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.letterdesk.command.attachment.AttachmentStore;
import org.letterdesk.procedure.LetterheadSettings;
import org.letterdesk.procedure.ReplyTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.letterdesk.command.sender.SenderContacts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * E-mail in and out: the outbox's queue (a tracking processor) always runs where the command side runs; reading the
 * intake mailbox ({@code letterdesk.mail.intake.enabled}) and sending ({@code letterdesk.mail.outbox.enabled}) are
 * switched on per node (of several nodes, one reads the mailbox; any number may send).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
public class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /** The outbox's processor starts at the head of the store: replies made before it existed send no mail. */
    @Autowired
    void outboxProcessor(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(OutboxQueue.PROCESSOR, config ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }

    @Bean
    OutboxQueue outboxQueue(EventStore events, JdbcTemplate jdbc, ReplyTemplate template,
                            LetterheadSettings letterhead, ZoneId zone) {
        return new OutboxQueue(events, jdbc, template, letterhead, zone);
    }

    /** Replaced by a bean of the same type where senders' contact data is kept elsewhere. */
    @Bean
    @ConditionalOnMissingBean(ReplyRecipients.class)
    ReplyRecipients replyRecipients(EventStore events, SenderContacts contacts) {
        return new EventReplyRecipients(events, contacts);
    }

    @Bean
    MailMetrics mailMetrics(ObjectProvider<MeterRegistry> registry, JdbcTemplate jdbc, Clock clock) {
        return new MailMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), jdbc, clock);
    }

    @Bean
    MailIntake mailIntake(MailSettings settings, CommandGateway commands, PlatformTransactionManager transactions,
                          JdbcTemplate jdbc, AttachmentStore attachments, ReplyRecipients recipients,
                          MailMetrics metrics, Clock clock) {
        return new MailIntake(settings.intake(), commands, transactions, jdbc, attachments, recipients, metrics,
                clock);
    }

    @Bean
    MailOutbox mailOutbox(MailSettings settings, CommandGateway commands, PlatformTransactionManager transactions,
                          JdbcTemplate jdbc, ReplyRecipients recipients, AttachmentStore attachments,
                          MailMetrics metrics, Clock clock) {
        return new MailOutbox(settings.outbox(), settings.address(), commands, transactions, jdbc, recipients,
                attachments, metrics, clock);
    }

    /**
     * Polls the intake mailbox and sends the outbox's due mails, where switched on, from when the application is
     * ready (no mail is handled by a half-started node); a failed round (a server away) is tried again at the next.
     */
    @Bean
    MailSchedules mailSchedules(MailSettings settings, MailIntake intake, MailOutbox outbox) {
        MailSchedules schedules = new MailSchedules();
        if (settings.intake().enabled()) {
            schedules.add("mail-intake", settings.intake().pollInterval().toMillis(), () -> {
                List<MailIntake.Outcome> outcomes = intake.pollOnce();
                if (!outcomes.isEmpty()) {
                    log.info("Mailbox {}: {} mails read", settings.address(), outcomes.size());
                }
            });
        }
        if (settings.outbox().enabled()) {
            schedules.add("mail-outbox", settings.outbox().interval().toMillis(), outbox::sendDue);
        }
        return schedules;
    }

    static final class MailSchedules implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

        interface Task {
            void run() throws Exception;
        }

        private record Schedule(String name, long millis, Task task) {
        }

        private final List<Schedule> schedules = new ArrayList<>();
        private final List<ScheduledExecutorService> running = new ArrayList<>();

        void add(String name, long millis, Task task) {
            schedules.add(new Schedule(name, millis, task));
        }

        @Override
        public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
            if (!running.isEmpty()) {
                return;
            }
            for (Schedule schedule : schedules) {
                ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, schedule.name());
                    thread.setDaemon(true);
                    return thread;
                });
                executor.scheduleWithFixedDelay(() -> {
                    try {
                        schedule.task().run();
                    } catch (Exception e) {
                        log.warn("{}: {}", schedule.name(), e.getMessage());
                    }
                }, 0, schedule.millis(), TimeUnit.MILLISECONDS);
                running.add(executor);
            }
        }

        @Override
        public synchronized void destroy() {
            running.forEach(ScheduledExecutorService::shutdownNow);
        }
    }
}
