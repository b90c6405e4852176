package org.letterdesk.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.letterdesk.query.spotcheck.SpotCheckProjection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The query side: projections, read-model tables and the HTTP query API. Off on command-only nodes
 * ({@code letterdesk.query-side.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "letterdesk.query-side.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
@EntityScan
@EnableJpaRepositories
public class QuerySideConfiguration {

    /** Any staff role (every role of {@link org.letterdesk.procedure.Role}) may read letters and the register. */
    public static final String STAFF = "hasAnyRole(T(org.letterdesk.procedure.Role).names())";

    /**
     * A projection that fails on an event must stop and retry the batch, not skip the event: Axon's default only
     * logs the failure and goes on, which would leave the read models silently behind the store.
     */
    @Bean
    ConfigurerModule lettersFailOnHandlerErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler("letters",
                        configuration -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(SpotCheckProjection.GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
