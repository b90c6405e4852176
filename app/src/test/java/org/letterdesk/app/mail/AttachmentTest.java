package org.letterdesk.app.mail;

import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The attachment store over HTTP: upload, content check by the bytes, limits, download, registration by id. */
class AttachmentTest extends ApiTestSupport {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f"
            + "15c4890000000d4944415478da636460f8ff1f0005fe02fea7d6a0b20000000049454e44ae426082");

    @Test
    void aStoredFileIsKeptOncePerContentAndServedBack() throws Exception {
        Reply first = upload("clerk", "回执.pdf", "application/pdf", PDF);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().path("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(first.body().path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(first.body().path("sizeBytes").asLong()).isEqualTo(PDF.length);
        Reply again = upload("handler", "copy.pdf", "application/octet-stream", PDF);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("attachmentId").asString())
                .isNotEqualTo(first.body().path("attachmentId").asString());
        assertThat(again.body().path("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT sha256) FROM attachment WHERE sha256 = ?",
                Integer.class, sha256(PDF))).isEqualTo(1);

        var download = http.get().uri("/api/attachments/" + first.body().path("attachmentId").asString())
                .header(HttpHeaders.AUTHORIZATION, basic("auditor"))
                .exchange((request, response) -> Map.entry(response.getHeaders(), response.getBody().readAllBytes()));
        assertThat(download.getValue()).isEqualTo(PDF);
        assertThat(download.getKey().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(download.getKey().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("filename*=UTF-8''");
    }

    @Test
    void contentNotOfItsDeclaredTypeOrNotAllowedIsRefused() {
        Reply disguised = upload("clerk", "scan.pdf", "application/pdf", PNG);
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        Reply zip = upload("clerk", "scan.png", "application/octet-stream",
                HexFormat.of().parseHex("504b0304140000000000" + "00".repeat(30)));
        assertThat(zip.status()).isEqualTo(415);
        assertThat(zip.body().path("detectedType").asString()).isEqualTo("application/zip");
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsKept() {
        int before = jdbc.queryForObject("SELECT count(*) FROM attachment", Integer.class);
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Reply reply = upload("clerk", "big.pdf", "application/pdf", big);
        assertThat(reply.status()).as(reply.text()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM attachment", Integer.class)).isEqualTo(before);
    }

    @Test
    void withoutCredentialsNothingIsStoredOrServed() {
        Reply reply = upload(null, "a.pdf", "application/pdf", PDF);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(get(null, "/api/attachments/" + java.util.UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(get("clerk", "/api/attachments/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void registrationReferencesStoredFilesById() {
        Reply stored = upload("clerk", "flowchart.png", "image/png", PNG);
        String id = stored.body().path("attachmentId").asString();
        Map<String, Object> body = new java.util.HashMap<>(letter(freshYear() + "-03-02T09:00:00+08:00"));
        body.put("attachments", List.of(Map.of("attachmentId", id)));
        Reply registered = created(post("clerk", "/api/letters", body));
        JsonNode view = view(registered.body().path("letterId").asString(),
                registered.body().path("version").asLong());
        JsonNode attachment = view.path("attachments").get(0);
        assertThat(attachment.path("fileName").asString()).isEqualTo("flowchart.png");
        assertThat(attachment.path("sha256").asString()).isEqualTo(sha256(PNG));
        assertThat(attachment.path("contentType").asString()).isEqualTo("image/png");

        body.put("attachments", List.of(Map.of("attachmentId", java.util.UUID.randomUUID().toString())));
        Reply unknown = post("clerk", "/api/letters", body);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("attachments[0].attachmentId");
        body.put("attachments", List.of(Map.of("contentType", "image/png")));
        Reply nameless = post("clerk", "/api/letters", body);
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.text()).contains("attachments[0].fileName");
    }

    /** The letter's view once the projection has it (this machine's load can outlast one bounded wait). */
    JsonNode view(String letterId, long minVersion) {
        Reply[] last = new Reply[1];
        awaitUntil(() -> (last[0] = get("clerk", "/api/letters/" + letterId + "?minVersion=" + minVersion))
                .status() == 200);
        return last[0].body();
    }

    Reply upload(String user, String name, String type, byte[] content) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.parseMediaType(type));
        RestClient.RequestBodySpec spec = http.post().uri("/api/attachments")
                .contentType(MediaType.MULTIPART_FORM_DATA);
        if (user != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, basic(user));
        }
        return spec.body(parts.build()).exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode node = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            return new Reply(response.getStatusCode().value(), response.getHeaders(), node, text);
        });
    }

    static String sha256(byte[] bytes) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
