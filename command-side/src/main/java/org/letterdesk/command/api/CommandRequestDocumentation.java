package org.letterdesk.command.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a {@link CommandRequest} argument appears in the OpenAPI document: it is filled from three request headers
 * ({@link CommandRequestResolver}), so every operation that takes one documents those headers (with the bounds the
 * resolver checks) and the answers they can cause — never a query object named {@code request}, which a generated
 * client would send as {@code ?ifMatch=…} and the server would ignore.
 */
@Configuration(proxyBeanMethods = false)
class CommandRequestDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandRequest.class);
    }

    @Bean
    OperationCustomizer commandRequestHeaders() {
        return (operation, handler) -> {
            if (takesCommandRequest(handler)) {
                document(operation);
            }
            return operation;
        };
    }

    private static boolean takesCommandRequest(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.getParameterType() == CommandRequest.class);
    }

    private static void document(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        parameters.removeIf(p -> "request".equals(p.getName()) && "query".equals(p.getIn()));
        parameters.add(new HeaderParameter().name("If-Match").required(false)
                .description("The letter's ETag (its version, as \"12\") the command expects; 412 VERSION_CONFLICT "
                        + "if the letter has moved on. Absent or * applies the command to the letter as it is.")
                .schema(new StringSchema().maxLength(40).pattern("^(\\*|(W/)?\"?[0-9]{1,19}\"?)$")
                        .example("\"3\"")));
        parameters.add(new HeaderParameter().name("Idempotency-Key").required(false)
                .description("A client-chosen key: the command is applied at most once per user and key; a repeat "
                        + "with the same body answers the first response, a different body 422 "
                        + "IDEMPOTENCY_KEY_REUSED.")
                .schema(new StringSchema().minLength(1).maxLength(CommandRequestResolver.MAX_IDEMPOTENCY_KEY)
                        .pattern("^[\\x21-\\x7E]+$").example("registration-2026-000123")));
        parameters.add(new HeaderParameter().name("X-Correlation-Id").required(false)
                .description("Recorded on every event of this command (one is generated when absent).")
                .schema(new StringSchema().minLength(1).maxLength(64).pattern("^[A-Za-z0-9._:-]+$")
                        .example("corr-registration-1")));
        operation.setParameters(parameters);
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject("ETag", new Header()
                            .description("The letter's version after the command, quoted (\"4\")")
                            .schema(new StringSchema().maxLength(22).pattern("^\"[0-9]{1,20}\"$")));
                }
            });
            ApiResponse created = operation.getResponses().get("201");
            if (created != null) {
                created.addHeaderObject("Location", new Header().description("The new letter's URL")
                        .schema(new StringSchema().maxLength(60).format("uri-reference")));
            }
        }
    }
}
