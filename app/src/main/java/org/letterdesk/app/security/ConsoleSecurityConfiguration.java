package org.letterdesk.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console's pages: signing in with a login form (a session, with the CSRF token of {@link ConsoleCsrf}),
 * signing out, and the console's static files. Ordered before the API's chain, which handles everything else
 * ({@code /api} with Basic, bearer tokens or this session). The console itself talks only to {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration implements WebMvcConfigurer {

    /** The paths of the console; everything else belongs to the API's chain. */
    static final String[] CONSOLE_PATHS = {"/", "/index.html", "/login", "/login.html", "/logout", "/console/**",
            "/webjars/**", "/favicon.ico"};

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(CONSOLE_PATHS)
                .csrf(ConsoleCsrf::forConsole)
                .addFilterAfter(new ConsoleCsrf.IssueTokenCookie(), CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // Scripts, styles and the login page itself hold nothing confidential.
                        .requestMatchers("/login", "/login.html", "/console/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        // The login throttle (ThrottledAuthenticationProvider) refuses before the password is checked.
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LoginThrottledException throttled
                                ? "/login?throttled=" + throttled.retryAfterSeconds() : "/login?error"))))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout"))
                .build();
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("forward:/login.html");
    }
}
