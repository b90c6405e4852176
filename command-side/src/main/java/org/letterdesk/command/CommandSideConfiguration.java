package org.letterdesk.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.letterdesk.command.archive.RetentionPolicy;
import org.letterdesk.command.calendar.CalendarSource;
import org.letterdesk.command.deadline.DeadlineCalculator;
import org.letterdesk.command.deadline.DeadlinePlanner;
import org.letterdesk.command.deadline.DeadlineRules;
import org.letterdesk.command.drafting.WordingChecker;
import org.letterdesk.command.letter.RecentLetters;
import org.letterdesk.command.supervision.SupervisionPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

/**
 * The command side: aggregates, command handlers, deadlines and the HTTP command API. Off on query-only nodes
 * ({@code letterdesk.command-side.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "letterdesk.command-side.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
@EnableConfigurationProperties(CommandSettings.class)
public class CommandSideConfiguration {

    @Bean
    DeadlinePlanner deadlinePlanner(CommandSettings settings, CalendarSource calendars, ZoneId zone) {
        return new DeadlinePlanner(new DeadlineRules(new DeadlineCalculator(calendars, zone),
                settings.deadlines().table()));
    }

    @Bean
    WordingChecker wordingChecker(CommandSettings settings) {
        return new WordingChecker(settings.wording().rules());
    }

    @Bean
    SupervisionPolicy supervisionPolicy(CommandSettings settings) {
        return settings.supervision().policy();
    }

    @Bean
    RetentionPolicy retentionPolicy(CommandSettings settings) {
        return new RetentionPolicy(settings.retentionYears());
    }

    /**
     * Letters recently worked on, kept in memory so that a command does not replay the letter's whole stream
     * first. Safe while one command node handles a letter: a failed or conflicting command evicts the entry and
     * the retry reads the store. With several command nodes behind a load balancer a cached letter can be behind
     * another node's events, so such deployments set {@code letterdesk.command-side.cached-letters} to 0.
     */
    @Bean
    Cache letterCache(@Value("${letterdesk.command-side.cached-letters:5000}") int capacity) {
        return capacity > 0 ? new RecentLetters(capacity) : NoCache.INSTANCE;
    }

    /** Sender files recently matched or worked on (a file with many letters is not replayed per command). */
    @Bean
    Cache senderFileCache(@Value("${letterdesk.command-side.cached-sender-files:5000}") int capacity) {
        return capacity > 0 ? new RecentLetters(capacity) : NoCache.INSTANCE;
    }

    /** Copies user, role, correlation and trace id onto every event a command causes; deadlines act as system. */
    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new ActorCorrelationProvider();
    }
}
