package org.letterdesk.app;

import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.letterdesk.command.CommandSideConfiguration;
import org.letterdesk.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

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

    public static void main(String[] args) {
        SpringApplication.run(LetterdeskApplication.class, args);
    }
}
