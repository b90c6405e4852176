package org.letterdesk.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * The console's CSRF protection, shared by its own filter chain and the API's: a cookie-to-header token
 * ({@code XSRF-TOKEN} cookie, readable by the console's script, sent back as {@code X-XSRF-TOKEN} or, on the login
 * form, as {@code _csrf}). On {@code /api} it is demanded only from requests that a console session authenticates:
 * HTTP Basic and bearer tokens carry their credentials in a header no other site can make a browser send, and a
 * request without any credentials must still get its 401.
 */
final class ConsoleCsrf {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** One repository for both chains, so the token the console page received is the one the API checks. */
    private static final CookieCsrfTokenRepository TOKENS = tokens();

    private ConsoleCsrf() {
    }

    private static CookieCsrfTokenRepository tokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(COOKIE);
        tokens.setHeaderName(HEADER);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** The console pages: every state-changing request (login, logout) carries the token. */
    static void forConsole(CsrfConfigurer<HttpSecurity> csrf) {
        // The raw token, as the cookie holds it: it is never written into a page body, so the masking that guards
        // tokens rendered into compressed pages (BREACH) has nothing to protect here.
        csrf.csrfTokenRepository(TOKENS).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler());
    }

    /** The API: only state-changing requests authenticated by the console's session carry the token. */
    static void forApi(CsrfConfigurer<HttpSecurity> csrf) {
        forConsole(csrf);
        csrf.requireCsrfProtectionMatcher(ConsoleCsrf::sessionAuthenticatedChange);
    }

    private static boolean sessionAuthenticatedChange(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    /**
     * Spring Security loads a token only when something asks for it; the console pages ask, so that the cookie is
     * set before the login form or the first command needs it.
     */
    static final class IssueTokenCookie extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
