package org.letterdesk.command.spotcheck;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.letterdesk.command.calendar.CalendarSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** The spot check's correction links (a tracking processor) and its automatic draw (a recurring scheduler task). */
@Configuration(proxyBeanMethods = false)
public class SpotCheckConfiguration {

    /** The task's name in {@code scheduled_tasks}. */
    public static final String AUTOMATIC_DRAW_TASK = "spot-check-automatic-draw";

    /** Starts at the head of the store: corrections issued before spot checks existed link to nothing. */
    @Autowired
    void correctionsProcessor(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(SpotCheckCorrections.PROCESSOR, config ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }

    @Bean
    SpotCheckCorrections spotCheckCorrections(SpotCheckLetters letters, CommandGateway gateway, Clock clock) {
        return new SpotCheckCorrections(letters, gateway, clock);
    }

    @Bean
    AutomaticSpotCheck automaticSpotCheck(SpotChecks spotChecks, SpotCheckLetters letters, CalendarSource calendars,
                                          ZoneId zone) {
        return new AutomaticSpotCheck(spotChecks, letters, calendars, zone);
    }

    /**
     * Checks every {@code letterdesk.spot-check.automatic-check-interval} (default hourly) whether a month is due
     * for its automatic draw. Persistent and run by one node at a time, like the deadlines; a check that finds
     * nothing due changes nothing.
     */
    @Bean
    RecurringTask<Void> spotCheckAutomaticDrawTask(AutomaticSpotCheck automatic, Clock clock,
            @Value("${letterdesk.spot-check.automatic-check-interval:PT1H}") Duration interval) {
        return Tasks.recurring(AUTOMATIC_DRAW_TASK, Schedules.fixedDelay(interval))
                .execute((instance, context) -> automatic.drawIfDue(clock.instant()));
    }
}
