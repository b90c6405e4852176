package org.letterdesk.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/**
 * The framework floor: one Axon aggregate behind Spring MVC endpoints on the app's JDBC event store (same schema,
 * jsonb payloads, month partitions, Jackson 3 serializer, connection pool and Tomcat defaults), and nothing else —
 * no security, no validation, no deadlines, no register number, no projection. The benchmark runs it as its own
 * process against its own database on the same PostgreSQL and sends it the same requests as the app, so that the
 * app's command rates can be stated as a share of what the framework itself allows (docs/benchmarks.md).
 *
 * <p>It shares the harness's classpath, which holds Spring Security, JPA and springdoc (through the query side):
 * they are switched off here, so that the floor pays for none of them.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
        "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.SecurityAutoConfiguration"})
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FloorApplication.class);
        // The app's framework settings (app/src/main/resources/application.yml) where they concern the command path.
        application.setDefaultProperties(Map.ofEntries(
                Map.entry("spring.application.name", "letterdesk-floor"),
                Map.entry("spring.datasource.hikari.maximum-pool-size", "20"),
                Map.entry("spring.threads.virtual.enabled", "false"),
                Map.entry("springdoc.api-docs.enabled", "false"),
                Map.entry("springdoc.swagger-ui.enabled", "false"),
                Map.entry("axon.update-check.disabled", "true"),
                Map.entry("axon.timeout.enabled", "false"),
                Map.entry("axon.axonserver.enabled", "false"),
                Map.entry("axon.serializer.general", "jackson3"),
                Map.entry("axon.serializer.events", "jackson3"),
                Map.entry("axon.serializer.messages", "jackson3"),
                Map.entry("logging.level.root", "WARN")));
        application.run(args);
    }
}
