package org.letterdesk.app;

import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.letterdesk.command.CommandSideConfiguration;
import org.letterdesk.procedure.LetterheadSettings;
import org.letterdesk.procedure.ReplyTemplate;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Runs the command side and the query side in one process by default; either can be switched off
 * ({@code letterdesk.command-side.enabled}, {@code letterdesk.query-side.enabled}) so nodes scale apart against one
 * PostgreSQL. Axon's JPA event store is excluded: events go through the JDBC engine (see docs/decisions).
 */
@SpringBootApplication(exclude = {JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class})
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class LetterdeskApplication {

    /** "Now" for both sides: deadlines, receipt limits, overdue flags. Tests replace it to script time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The zone of the organisation: calendar days, register years, months of the analysis, rendered times. */
    @Bean
    ZoneId letterZone(@Value("${letterdesk.zone}") ZoneId zone) {
        return zone;
    }

    /** Who signs a reply, wherever one is rendered. */
    @Bean
    LetterheadSettings letterhead(@Value("${letterdesk.letterhead.organization}") String organization,
                                  @Value("${letterdesk.letterhead.department:}") String department) {
        return new LetterheadSettings(organization, department);
    }

    @Bean
    ReplyTemplate replyTemplate() {
        return new ReplyTemplate();
    }

    public static void main(String[] args) {
        SpringApplication.run(LetterdeskApplication.class, args);
    }
}
