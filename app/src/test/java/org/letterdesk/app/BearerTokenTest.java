package org.letterdesk.app;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With an issuer configured (here: a test decoder) and the prod profile, bearer tokens work and demo users don't. */
@ActiveProfiles({"test", "prod"})
@Import(BearerTokenTest.TestIssuer.class)
class BearerTokenTest extends ApiTestSupport {

    private static final byte[] SECRET = "letterdesk-test-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);

    @TestConfiguration
    static class TestIssuer {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256")).build();
        }
    }

    @Test
    void aClerksBearerTokenRegistersAndIsRecordedAsThatUser() throws Exception {
        Reply created = post(null, "/api/letters", letter(freshYear() + "-08-08T08:00:00+08:00"),
                Map.of("Authorization", "Bearer " + token("wang.clerk", List.of("CLERK"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String user = jdbc.queryForObject("SELECT meta_data->>'user' FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class,
                created.body().get("letterId").asString());
        assertThat(user).isEqualTo("wang.clerk");

        Reply wrongRole = post(null, "/api/letters", letter(freshYear() + "-08-08T08:00:00+08:00"),
                Map.of("Authorization", "Bearer " + token("li.handler", List.of("HANDLER"))));
        assertThat(wrongRole.status()).isEqualTo(403);
    }

    @Test
    void theProdProfileHasNoDemoUsersAndRefusesForgedTokens() throws Exception {
        assertThat(post("clerk", "/api/letters", letter("2026-03-02T10:15:00+08:00")).status()).isEqualTo(401);
        Reply forged = get(null, "/api/register");
        assertThat(forged.status()).isEqualTo(401);
        Reply badToken = exchange(null, "GET", "/api/register", null, Map.of("Authorization", "Bearer abc.def.ghi"));
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.code()).isEqualTo("UNAUTHENTICATED");
    }

    private static String token(String user, List<String> roles) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(user).claim("preferred_username", user).claim("roles", roles)
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }
}
