package org.letterdesk.app.contract;

import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI document (from which the contract tests' client is generated at build time) is the one the
 * server serves: a change of a controller, request or result that changes the contract fails here until the
 * committed file is refreshed ({@code -Dopenapi.refresh=true} rewrites it).
 */
class OpenApiDocumentTest extends ApiTestSupport {

    static final Path COMMITTED = Path.of("src/main/openapi/letterdesk-api.json");

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        Reply reply = ok(get(null, "/v3/api-docs"));
        String served = json.writerWithDefaultPrettyPrinter().writeValueAsString(reply.body()) + "\n";
        Path dump = Path.of("target/openapi/letterdesk-api.json");
        Files.createDirectories(dump.getParent());
        Files.writeString(dump, served, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("committed document " + COMMITTED).isTrue();
        // Compared as JSON, not as text: the committed file may be written by any tool (see the README).
        assertThat(json.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8)))
                .as("the served document differs from " + COMMITTED + " (the served one is in " + dump
                        + "; refresh with -Dopenapi.refresh=true)")
                .isEqualTo(reply.body());
    }
}
