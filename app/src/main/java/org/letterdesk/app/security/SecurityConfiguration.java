package org.letterdesk.app.security;

import org.letterdesk.app.web.ProblemWriter;
import org.letterdesk.problem.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP Basic for every /api call, bearer JWTs when an issuer is configured, and the web console's session
 * ({@link ConsoleSecurityConfiguration}); roles are checked per command and query. Failed logins are throttled per
 * user name and address ({@link LoginThrottle}): 429 with Retry-After on the API, the login form's error on the
 * console. The demo users of the contract (password = user name) exist only when
 * {@code letterdesk.security.demo-users} is on, which the prod profile turns off.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Demo users and their roles, as API.md lists them. */
    static final Map<String, List<String>> DEMO_USERS = Map.ofEntries(
            Map.entry("clerk", List.of("CLERK")),
            Map.entry("handler", List.of("HANDLER")),
            Map.entry("handler2", List.of("HANDLER")),
            Map.entry("reviewer", List.of("REVIEWER")),
            Map.entry("supervisor", List.of("SUPERVISOR")),
            Map.entry("director", List.of("DIRECTOR")),
            Map.entry("legal", List.of("LEGAL")),
            Map.entry("archivist", List.of("ARCHIVIST")),
            Map.entry("auditor", List.of("AUDITOR")),
            Map.entry("admin", List.of("ADMIN")),
            Map.entry("lead", List.of("HANDLER", "REVIEWER", "SUPERVISOR")),
            Map.entry("chief", List.of("SUPERVISOR", "DIRECTOR")));

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        if (jwtDecoder.getIfAvailable() != null) {
            // Bearer tokens when an issuer is configured (spring.security.oauth2.resourceserver.jwt.*).
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.decoder(jwtDecoder.getObject()).jwtAuthenticationConverter(new RoleClaims()))
                    .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                            ProblemCode.UNAUTHENTICATED, "A valid bearer token or HTTP Basic credentials are required",
                            Map.of())));
        }
        return http
                // Basic and bearer requests need no CSRF token; a console session's changes do (ConsoleCsrf).
                .csrf(ConsoleCsrf::forApi)
                // Never creates a session, but reads the console's (signed in on the console's chain).
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // The API never sends anyone to a login page, so no request is saved to return to (the saved-request
                // lookup would also read every request's parameters before the role and the parameters are checked).
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health/**", "/actuator/health", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "AUDITOR")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof LoginThrottledException throttled) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                        problems.write(request, response, ProblemCode.TOO_MANY_REQUESTS, throttled.getMessage(),
                                Map.of());
                        return;
                    }
                    problems.write(request, response, ProblemCode.UNAUTHENTICATED,
                            "Credentials are required (HTTP Basic)", Map.of());
                }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, ProblemCode.UNAUTHENTICATED,
                                        "Credentials are required (HTTP Basic)", Map.of()))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, ProblemCode.FORBIDDEN, e instanceof CsrfException
                                        ? "The console session's CSRF token (header " + ConsoleCsrf.HEADER
                                        + ") is missing or does not match"
                                        : "Your role may not do this", Map.of())))
                .build();
    }

    /** User name and password logins (HTTP Basic, a form login), behind the failed-login throttle. */
    @Bean
    AuthenticationProvider passwordLogins(UserDetailsService users, LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(new DaoAuthenticationProvider(users), throttle);
    }

    @Bean
    UserDetailsService users(@Value("${letterdesk.security.demo-users:false}") boolean demoUsers) {
        List<UserDetails> users = new ArrayList<>();
        if (demoUsers) {
            // Demo passwords equal the public user names, so hashing them would protect nothing; it would only
            // cost a bcrypt round per request.
            DEMO_USERS.forEach((name, roles) -> users.add(User.withUsername(name).password("{noop}" + name)
                    .roles(roles.toArray(String[]::new)).build()));
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        // Exposed only as a UserDetailsService: as a UserDetailsPasswordService the in-memory manager would have
        // Spring "upgrade" each {noop} password to bcrypt at the first login, and every request after it would
        // then pay a bcrypt comparison (about 100 ms of CPU).
        return manager::loadUserByUsername;
    }
}
