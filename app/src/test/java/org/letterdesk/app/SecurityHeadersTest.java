package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response carries Content-Security-Policy, Referrer-Policy and Permissions-Policy — answers, problems,
 * health, documentation — and a request that a trusted proxy forwards as HTTPS is treated as HTTPS.
 */
class SecurityHeadersTest extends ApiTestSupport {

    private static final String STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Map<String, Reply> replies = Map.of(
                "answer", get("clerk", "/api/worklist"),
                "unauthenticated", get(null, "/api/worklist"),
                "not found", get("clerk", "/api/no-such-thing"),
                "validation problem", post("clerk", "/api/letters", Map.of("channel", "PIGEON")),
                "health", get(null, "/actuator/health"),
                "openapi", get(null, "/v3/api-docs"));
        replies.forEach((kind, reply) -> {
            assertThat(reply.headers().getFirst("Content-Security-Policy")).as(kind).isEqualTo(STRICT);
            assertThat(reply.headers().getFirst("Referrer-Policy")).as(kind).isEqualTo("no-referrer");
            assertThat(reply.headers().getFirst("Permissions-Policy")).as(kind)
                    .contains("camera=()", "microphone=()", "geolocation=()");
        });
        assertThat(replies.get("unauthenticated").status()).isEqualTo(401);
        assertThat(replies.get("not found").status()).isEqualTo(404);
        assertThat(replies.get("validation problem").status()).isEqualTo(400);
    }

    /** Swagger UI's page applies inline styles (checked in a browser): styles may be inline there, scripts not. */
    @Test
    void swaggerUiHasItsOwnPolicy() {
        Reply page = get(null, "/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        String policy = page.headers().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self';", "style-src 'self' 'unsafe-inline'", "object-src 'none'",
                "frame-ancestors 'none'");
        assertThat(page.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void aRequestForwardedAsHttpsByATrustedProxyIsTreatedAsHttps() {
        Reply plain = get("clerk", "/api/worklist");
        assertThat(plain.headers().getFirst("Strict-Transport-Security")).isNull();

        Map<String, String> forwarded = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "letters.example.org");
        Reply viaProxy = exchange("clerk", "GET", "/api/worklist", null, forwarded);
        // Spring Security sends HSTS on secure requests only.
        assertThat(viaProxy.headers().getFirst("Strict-Transport-Security")).contains("max-age=");
        // Nothing the server writes names its own host: the contract's server URL (and every Location) is
        // relative, so it holds on both sides of the proxy.
        Reply docs = exchange(null, "GET", "/v3/api-docs", null, forwarded);
        assertThat(docs.body().at("/servers/0/url").asString()).isEqualTo("/");
    }
}
