package org.letterdesk.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.letterdesk.app.RawHttp.Answer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every layer that can refuse a request — Tomcat itself, Spring Security's firewall, Spring MVC's method, media
 * type and body handling — answers with an RFC 9457 problem and a stable code, never an HTML page or Spring's
 * default error body. Over a raw socket, because client libraries normalise the very URLs under test.
 */
class ErrorLayersTest extends ApiTestSupport {

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    @Test
    void traceIs405() {
        Answer answer = raw.send("TRACE", "/api/register", auth("supervisor"), null);
        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.headers().get("allow")).doesNotContain("TRACE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "PROPFIND", "CONNECTX"})
    void anUnknownMethodIs501(String method) {
        assertProblem(raw.send(method, "/api/register", auth("supervisor"), null), 501, "METHOD_NOT_IMPLEMENTED");
    }

    @Test
    void aKnownMethodTheResourceDoesNotServeIs405WithAllow() {
        Answer answer = raw.send("DELETE", "/api/register", auth("supervisor"), null);
        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.headers().get("allow")).contains("GET");
    }

    /** Refused by Spring Security's firewall. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/register;x=1", "/api/%3Bregister", "/api/%25register", "//api/register",
            "/api/./register", "/api/register/../register", "/api/register%2E%2E"})
    void aUrlTheFirewallRefusesIs400(String target) {
        assertProblem(raw.send("GET", target, auth("supervisor"), null), 400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/register;x=1", "//api/register", "/api/%25register"})
    void aUrlTheFirewallRefusesIs400EvenWithoutCredentials(String target) {
        assertProblem(raw.send("GET", target, Map.of(), null), 400, "MALFORMED_REQUEST");
    }

    /** Refused by Tomcat before any filter or servlet runs. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/register%2Fexport", "/api/register%5Cexport", "/api/register?from[0]=1",
            "/api/register?q={x}", "/api/register|x", "/api/re gister"})
    void aUrlTomcatRefusesIs400(String target) {
        assertProblem(raw.send("GET", target, auth("supervisor"), null), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aBrokenHeaderLineIs400() {
        assertProblem(raw.send("GET", "/api/register", Map.of("Bad Header", "x"), null), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aHeaderValueWithAControlCharacterIs400() {
        Map<String, String> headers = Map.of("Authorization", ApiTestSupport.basic("clerk"),
                "Content-Type", "application/json", "X-Correlation-Id", "abc\u0085def");
        Answer answer = raw.send("POST", "/api/letters", headers, "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void anUnknownHttpVersionIs400() {
        // The request line ends after the version; the rest of the line becomes a header that is ignored.
        Answer answer = raw.send("GET", "/api/register HTTP/3.0\r\nX-Ignored:", auth("supervisor"), null);
        assertProblem(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void moreParametersThanTomcatReadsIs400() {
        String target = "/api/register?" + "a=1&".repeat(1_200) + "size=1";
        assertProblem(raw.send("GET", target, auth("supervisor"), null), 400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/nothing", "/nothing", "/api/letters/x/y/z", "/error"})
    void anUnknownPathIs404(String target) {
        assertProblem(raw.send("GET", target, auth("supervisor"), null), 404, "NOT_FOUND");
    }

    @Test
    void anUnacceptableRepresentationIs406() {
        Map<String, String> headers = Map.of("Authorization", ApiTestSupport.basic("supervisor"),
                "Accept", "application/xml");
        assertProblem(raw.send("GET", "/api/register", headers, null), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
        assertProblem(post("text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        assertProblem(post("application/json", new byte[300_000]), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aMissingBodyIs400() {
        assertProblem(post("application/json", new byte[0]), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anUnreadableBodyIs400() {
        assertProblem(post("application/json", "{\"channel\":".getBytes(StandardCharsets.UTF_8)), 400,
                "MALFORMED_REQUEST");
    }

    private Answer post(String contentType, byte[] body) {
        return raw.send("POST", "/api/letters", Map.of("Authorization", ApiTestSupport.basic("clerk"),
                "Content-Type", contentType), body);
    }

    private static Map<String, String> auth(String user) {
        return Map.of("Authorization", ApiTestSupport.basic(user));
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.code()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "<html");
    }
}
