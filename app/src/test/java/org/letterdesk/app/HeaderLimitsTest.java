package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key and X-Correlation-Id are kept (the key with the first response, the correlation id in every
 * event's permanent metadata): both are bounded, and a request outside the bounds is refused with 400 naming the
 * header, before anything is recorded.
 */
class HeaderLimitsTest extends ApiTestSupport {

    @Test
    void anIdempotencyKeyOfAtMost200VisibleAsciiCharactersIsAcceptedAndALongerOneRefused() {
        int year = freshYear();
        Reply tooLong = post("clerk", "/api/letters", letter(year + "-02-03T10:00:00+08:00"),
                Map.of("Idempotency-Key", "k".repeat(201)));
        assertRefused(tooLong, "Idempotency-Key");
        Reply withSpace = post("clerk", "/api/letters", letter(year + "-02-03T10:00:00+08:00"),
                Map.of("Idempotency-Key", "order 17"));
        assertRefused(withSpace, "Idempotency-Key");
        assertThat(registered(year)).isZero();

        Reply longest = post("clerk", "/api/letters", letter(year + "-02-03T10:00:00+08:00"),
                Map.of("Idempotency-Key", "k".repeat(199) + "~"));
        assertThat(longest.status()).isEqualTo(201);
    }

    /** A Latin-1 byte: readable text to the HTTP layer, but not visible ASCII. */
    @Test
    void anIdempotencyKeyOutsideAsciiIsRefused() throws Exception {
        int year = freshYear();
        Raw raw = rawPost("/api/letters", "Idempotency-Key: schl\u00fcssel-17",
                json.writeValueAsString(letter(year + "-02-04T10:00:00+08:00")));
        assertThat(raw.status()).isEqualTo(400);
        JsonNode problem = json.readTree(raw.body());
        assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
        assertThat(registered(year)).isZero();
    }

    @Test
    void aCorrelationIdIsBoundedTo64LettersDigitsAndPunctuation() {
        int year = freshYear();
        assertRefused(post("clerk", "/api/letters", letter(year + "-02-05T10:00:00+08:00"),
                Map.of("X-Correlation-Id", "c".repeat(65))), "X-Correlation-Id");
        assertRefused(post("clerk", "/api/letters", letter(year + "-02-05T10:00:00+08:00"),
                Map.of("X-Correlation-Id", "<script>alert(1)</script>")), "X-Correlation-Id");
        assertThat(registered(year)).isZero();

        String longest = "trace-2026:12.02_" + "x".repeat(47);
        Reply created = post("clerk", "/api/letters", letter(year + "-02-05T10:00:00+08:00"),
                Map.of("X-Correlation-Id", longest));
        assertThat(created.status()).isEqualTo(201);
        String stored = jdbc.queryForObject("SELECT meta_data->>'correlationId' FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class,
                created.body().get("letterId").asString());
        assertThat(stored).isEqualTo(longest);
    }

    private void assertRefused(Reply reply, String header) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().at("/errors/0/field").asString()).isEqualTo(header);
        assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
    }

    private int registered(int year) {
        return jdbc.queryForObject("SELECT count(*) FROM register_serial WHERE serial_year = ?", Integer.class, year);
    }

    record Raw(int status, String body) {
    }

    /** A request with header bytes that HTTP client libraries refuse to send (beyond ASCII in a header value). */
    private Raw rawPost(String path, String header, String body) throws Exception {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: " + basic("clerk") + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + content.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write((header + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String payload = text.substring(text.indexOf("\r\n\r\n") + 4);
            if (text.toLowerCase().contains("transfer-encoding: chunked")) {
                payload = payload.substring(payload.indexOf("\r\n") + 2, payload.lastIndexOf("\r\n0\r\n"));
            }
            return new Raw(status, payload);
        }
    }
}
