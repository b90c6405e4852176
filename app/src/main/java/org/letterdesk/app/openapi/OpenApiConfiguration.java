package org.letterdesk.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document's global parts: what it describes, how clients authenticate, the problem document every error
 * answers with, and the whole-document pass ({@link ContractDocument}) that makes every operation — also those added
 * later — state the answers the server's shared layers can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    @Bean
    OpenAPI letterdeskOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Letterdesk API").version("2")
                        .description("Registering and answering letters (信函登记与答复) under Chinese procedures. "
                                + "JSON over HTTP under /api; every error is application/problem+json (RFC 9457) "
                                + "with a stable `code`; letter responses carry an ETag that commands accept as "
                                + "If-Match; commands accept an Idempotency-Key.")
                        .contact(new Contact().name("Letterdesk maintainers").url("https://letterdesk.org"))
                        .license(new License().name("Proprietary").identifier("LicenseRef-Letterdesk")))
                // Relative: the document is served by the server it describes, whatever its address (the
                // deployment terminates TLS in front of it); a fixed address would also make the document differ
                // from run to run.
                .servers(List.of(new Server().url("/").description("This server (production, or local with the "
                        + "default profile's demo users)").extensions(Map.of("x-internal", false))))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("User name and password"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT of the configured issuer, checked as RFC8725 advises (signature "
                                        + "algorithm, issuer, expiry); roles from its roles claim")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Operation ids named after the controller and its method ({@code intakeRegister}, {@code registerList}):
     * unique without springdoc's numbered suffixes ({@code list_1}), which depend on the order controllers are found
     * and would rename a generated client's methods from one build to the next.
     */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer contractDocument() {
        return new ContractDocument();
    }
}
