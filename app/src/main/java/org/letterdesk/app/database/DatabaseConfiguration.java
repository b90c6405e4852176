package org.letterdesk.app.database;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The database's bounded waits, for whoever needs to know them (health, the 503 answer). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseWaits databaseWaits(Environment environment) {
        return DatabaseWaits.from(Binder.get(environment));
    }
}
