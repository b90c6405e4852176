package org.letterdesk.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.List;

/**
 * Content-Security-Policy, Referrer-Policy and Permissions-Policy on every response, whichever security filter chain
 * (API, console) or none handled it: a servlet filter of its own, ahead of them all. The headers are written when
 * the response is committed, so a response that is reset and rewritten (a problem instead of a file) keeps them, and
 * a chain that sets its own policy keeps that. The console is served from static resources with no inline script or
 * style, hence the strict policy; Swagger UI gets its own (its page sets styles inline).
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=(), interest-cohort=()";

    @Bean
    FilterRegistrationBean<HeaderWriterFilter> securityHeadersFilter(
            @Value("${springdoc.swagger-ui.path:/swagger-ui.html}") String swaggerUiPath) {
        RequestMatcher swaggerUi = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(swaggerUiPath),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));
        List<HeaderWriter> writers = List.of(
                new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(POLICY)),
                new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)),
                new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER),
                new PermissionsPolicyHeaderWriter(PERMISSIONS));
        FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(
                new HeaderWriterFilter(writers));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
