package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTest extends ApiTestSupport {

    @Test
    void registeringALetterStoresItAndTheRegisterListsIt() {
        int year = freshYear();
        Reply created = post("clerk", "/api/letters", letter(year + "-03-02T10:15:00+08:00"));

        assertThat(created.status()).isEqualTo(201);
        String letterId = created.body().get("letterId").asString();
        assertThat(created.headers().getLocation()).hasToString("/api/letters/" + letterId);
        assertThat(created.body().get("serialNo").asString()).isEqualTo(year + "-000001");
        assertThat(created.body().get("status").asString()).isEqualTo("RECEIVED");
        long version = created.body().get("version").asLong();
        assertThat(version).isEqualTo(2); // LetterReceived, DeadlineSet(FIRST_RESPONSE), DeadlineSet(REPLY)
        assertThat(created.headers().getETag()).isEqualTo("\"2\"");
        assertThat(created.body().at("/deadlines/replyDue").asString()).endsWith("+08:00");

        JsonNode view = awaitLetter("handler", letterId, version);
        assertThat(view.get("serialNo").asString()).isEqualTo(year + "-000001");
        assertThat(view.get("subject").asString()).isEqualTo("会员积分未到账");
        assertThat(view.at("/sender/name").asString()).isEqualTo("张三");
        assertThat(view.get("status").asString()).isEqualTo("RECEIVED");

        Reply register = get("supervisor", "/api/register?from=" + year + "-03-01&to=" + year + "-03-31");
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.body().get("total").asLong()).isEqualTo(1);
        JsonNode row = register.body().get("items").get(0);
        assertThat(row.get("serialNo").asString()).isEqualTo(year + "-000001");
        assertThat(row.get("receivedAt").asString()).isEqualTo(year + "-03-02T10:15:00+08:00");
        assertThat(row.get("senderInfo").asString()).contains("张三").contains("138****8000")
                .doesNotContain("13800138000");
        assertThat(row.get("attachments").asString()).contains("receipt.jpg");
    }

    @Test
    void everyEventRecordsWhoActedUnderWhichRoleAndACorrelationId() {
        Reply created = post("clerk", "/api/letters", letter(freshYear() + "-05-06T09:00:00+08:00"),
                Map.of("X-Correlation-Id", "corr-registration-1"));
        String letterId = created.body().get("letterId").asString();

        var metaData = jdbc.queryForList("SELECT meta_data->>'user' AS u, meta_data->>'role' AS r, "
                + "meta_data->>'correlationId' AS c FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", letterId);
        // The registration's three events; a letter received in the past may already have deadline events of
        // the scheduler after them, which act as the system under their own correlation ids.
        assertThat(metaData).hasSizeGreaterThanOrEqualTo(3);
        assertThat(metaData.subList(0, 3)).allSatisfy(row -> {
            assertThat(row.get("u")).isEqualTo("clerk");
            assertThat(row.get("r")).isEqualTo("CLERK");
            assertThat(row.get("c")).isEqualTo("corr-registration-1");
        });
        assertThat(metaData.subList(3, metaData.size())).allSatisfy(row -> {
            assertThat(row.get("u")).isEqualTo("system");
            assertThat(row.get("r")).isEqualTo("SYSTEM");
            assertThat((String) row.get("c")).isNotBlank().isNotEqualTo("corr-registration-1");
        });
    }

    @Test
    void invalidRegistrationsAreRefusedWithFieldErrors() {
        Map<String, Object> body = new HashMap<>(letter("2026-03-02T10:15:00+08:00"));
        body.remove("subject");
        body.put("sender", Map.of("name", " ", "email", "not-an-email"));
        Reply reply = post("clerk", "/api/letters", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field"))
                .contains("subject", "sender.name", "sender.email");
    }

    @Test
    void aLetterReceivedInTheFutureIsRefused() {
        Reply reply = post("clerk", "/api/letters", letter("2999-01-01T00:00:00+08:00"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("receivedAt");
    }

    @Test
    void aReceiptTimeInTheFutureIsReportedWithTheOtherFieldErrors() {
        Map<String, Object> body = new HashMap<>(letter("2999-01-01T00:00:00+08:00"));
        body.remove("subject");
        Reply reply = post("clerk", "/api/letters", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("receivedAt", "subject");
    }

    @Test
    void anUnknownEnumValueIsAFieldError() {
        Map<String, Object> body = new HashMap<>(letter("2026-03-02T10:15:00+08:00"));
        body.put("channel", "PIGEON");
        Reply reply = post("clerk", "/api/letters", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("channel");
    }

    @Test
    void aTextWithTheNulCharacterIsAFieldErrorNotAServerError() {
        Map<String, Object> body = new HashMap<>(letter("2026-03-02T10:15:00+08:00"));
        String subject = "rel-nul-" + java.util.UUID.randomUUID();
        body.put("subject", subject + "\0");
        Reply reply = post("clerk", "/api/letters", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("subject");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload->>'subject' LIKE ?",
                Integer.class, subject + "%")).isZero();
    }

    @Test
    void malformedJsonIsRefused() {
        Reply reply = post("clerk", "/api/letters", "{\"channel\": ");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void withoutCredentialsTheAnswerIs401() {
        Reply reply = post(null, "/api/letters", letter("2026-03-02T10:15:00+08:00"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void wrongPasswordIs401() {
        Reply reply = http.get().uri("/api/register").header("Authorization", "Basic Y2xlcms6d3Jvbmc=")
                .exchange((req, res) -> new Reply(res.getStatusCode().value(), res.getHeaders(),
                        json.readTree(res.getBody()), ""));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void onlyAClerkRegisters() {
        Reply reply = post("handler", "/api/letters", letter("2026-03-02T10:15:00+08:00"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aWrongMediaTypeIs415() {
        Reply reply = http.post().uri("/api/letters").header("Authorization", basic("clerk"))
                .header("Content-Type", "text/plain").body("hello")
                .exchange((req, res) -> new Reply(res.getStatusCode().value(), res.getHeaders(),
                        json.readTree(res.getBody()), ""));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anOversizedBodyIs413() {
        Map<String, Object> body = new HashMap<>(letter("2026-03-02T10:15:00+08:00"));
        body.put("remarks", "x".repeat(300_000));
        Reply reply = post("clerk", "/api/letters", body);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void anUnknownLetterIs404() {
        Reply reply = get("handler", "/api/letters/7b0b5a8e-0000-4000-8000-000000000000");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("LETTER_NOT_FOUND");

        Reply command = post("clerk", "/api/letters/7b0b5a8e-0000-4000-8000-000000000000/assignment",
                Map.of("department", "BUSINESS"));
        assertThat(command.status()).isEqualTo(404);
        assertThat(command.code()).isEqualTo("LETTER_NOT_FOUND");
    }

    @Test
    void openApiSwaggerAndHealthAreServed() {
        assertThat(get(null, "/v3/api-docs").status()).isEqualTo(200);
        assertThat(get(null, "/v3/api-docs").text()).contains("/api/letters").contains("/api/register");
        assertThat(get(null, "/swagger-ui.html").status()).isIn(200, 302);
        assertThat(get(null, "/actuator/health").body().get("status").asString()).isEqualTo("UP");
    }
}
