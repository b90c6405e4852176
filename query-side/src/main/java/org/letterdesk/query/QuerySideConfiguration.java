package org.letterdesk.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
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
}
