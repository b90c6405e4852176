package org.letterdesk.app.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.letterdesk.problem.ProblemCode;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The pass over the whole document that states what the server's shared layers do for every operation, so that an
 * endpoint added later is described as truly as the others without annotations of its own:
 * <ul>
 *     <li>the error answers (problem+json) each operation can give, derived from its shape — 400 (a parameter or
 *     body refused), 401, 403, 406, 429 (sign-in throttle) and 503 (database unavailable) for all; 404 with path
 *     variables; 413 and 415 with a body; 409 and 412 for commands taking If-Match; 422 with Idempotency-Key;</li>
 *     <li>nullability: a property a request need not send, or a response may leave empty, is nullable;</li>
 *     <li>limits the server enforces through the types themselves (a UUID, an RFC 3339 date-time with a four-digit
 *     year, a date, an int32);</li>
 *     <li>binary bodies for files, a description for every operation, tags once each.</li>
 * </ul>
 */
class ContractDocument implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** "2026-09-30T15:00:00.123456789+08:00": the longest RFC 3339 text the server reads or writes. */
    private static final int DATE_TIME_LENGTH = 35;
    /** The server's limit of a request's line and headers (8 KiB): no parameter or header value is longer. */
    private static final int REQUEST_HEAD = 8192;
    /** A pattern of one character class repeated at most n times ([0-9a-f]{64}, [0-9+ ]{3,30}). */
    private static final java.util.regex.Pattern REPEATED_CLASS =
            java.util.regex.Pattern.compile("^\\^?\\[[^\\]]+]\\{(\\d+)(?:,(\\d+))?}\\$?$");
    /** A pattern that is a literal word (PHONE). */
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("^\\^?([A-Za-z0-9_]+)\\$?$");

    /** Examples with Chinese data for the request properties a client fills most, by property name. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("name", "张三"), Map.entry("organization", "上海某某贸易有限公司"),
            Map.entry("phone", "13800138000"), Map.entry("email", "zhang.san@example.com"),
            Map.entry("address", "上海市浦东新区世纪大道100号"), Map.entry("subject", "会员积分未到账"),
            Map.entry("coreRequest", "请核实三月份消费积分并补发"), Map.entry("remarks", "来信附收据复印件"),
            Map.entry("urgentReason", "涉及重大投诉"), Map.entry("reason", "涉及重大投诉"),
            Map.entry("note", "已致电确认"), Map.entry("assignee", "handler"),
            Map.entry("salutation", "尊敬的张三："), Map.entry("summary", "关于您反映的会员积分未到账的问题，现答复如下："),
            Map.entry("term", "会员积分"), Map.entry("explanation", "消费1元获得1积分"),
            Map.entry("comment", "格式符合要求"), Map.entry("recipient", "张三"), Map.entry("trackingNo", "XA123456789CN"),
            Map.entry("whatWasWrong", "积分数额有误"), Map.entry("correctedContent", "应补发积分为320分"),
            Map.entry("senderView", "应立即补发"), Map.entry("organizationView", "按流程三个工作日内补发"),
            Map.entry("findings", "系统日志显示已补发"), Map.entry("outcome", "协商一致"),
            Map.entry("archiveNo", "ARC-2026-0001"), Map.entry("fileName", "收据.jpg"),
            Map.entry("receivedAt", "2026-09-30T15:00:00+08:00"), Map.entry("serialNo", "2026-000123"));

    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("400", "VALIDATION_FAILED (naming the refused field, parameter or header in `errors`) or "
                    + "MALFORMED_REQUEST"),
            Map.entry("401", "UNAUTHENTICATED: no or wrong credentials"),
            Map.entry("403", "FORBIDDEN: the user's roles may not do this"),
            Map.entry("404", "LETTER_NOT_FOUND or NOT_FOUND: nothing under this path"),
            Map.entry("406", "NOT_ACCEPTABLE: none of the Accept types can be produced"),
            Map.entry("409", "INVALID_TRANSITION, FOUR_EYES, REVIEW_ORDER, WORDING_FINDINGS or another rule of the "
                    + "procedure refuses the command in the letter's current state"),
            Map.entry("412", "VERSION_CONFLICT: the letter is no longer at the If-Match version"),
            Map.entry("413", "PAYLOAD_TOO_LARGE"),
            Map.entry("415", "UNSUPPORTED_MEDIA_TYPE"),
            Map.entry("422", "IDEMPOTENCY_KEY_REUSED: the key was used for a different request"),
            Map.entry("429", "TOO_MANY_REQUESTS: too many failed sign-ins; wait Retry-After seconds"),
            Map.entry("503", "DB_UNAVAILABLE, EVENT_STORE_BUSY or PROJECTION_NOT_CAUGHT_UP: try again shortly"));

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setTags(mergedTags(openApi.getTags()));
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> operation(path, method, operation)));
        }
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().remove("SseEmitter");
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getComponents().addSchemas(FIELD_ERROR, Schemas.of("object")
                    .description("One refused field, parameter or header")
                    .addProperty("field", Schemas.string(200).example("sender.phone"))
                    .addProperty("message", Schemas.string(1000).example("must be a phone number"))
                    .required(List.of("field", "message")));
            openApi.getComponents().getSchemas().values().forEach(ContractDocument::objectSchema);
            // Sorted, so the document is the same from run to run.
            openApi.getComponents().setSchemas(new TreeMap<>(openApi.getComponents().getSchemas()));
        }
    }

    private static Schema<Object> problemSchema() {
        var problem = Schemas.of("object")
                .description("RFC 9457 problem details with the stable machine `code`; other members (such as "
                        + "`findings` of WORDING_FINDINGS) may follow");
        problem.addProperty("type", Schemas.string(200).format("uri")
                .example("https://letterdesk.org/problems/invalid-transition"));
        problem.addProperty("title", Schemas.string(200).example("Invalid transition"));
        problem.addProperty("status", Schemas.of("integer").format("int32").minimum(BigDecimal.valueOf(400))
                .maximum(BigDecimal.valueOf(599)).example(409));
        problem.addProperty("code", Schemas.of("string").maxLength(40)
                ._enum(Arrays.stream(ProblemCode.values()).map(Enum::name).map(Object.class::cast).toList())
                .example("INVALID_TRANSITION"));
        problem.addProperty("detail", Schemas.string(4000).example("Letter 2026-000123 has no approved draft"));
        // The request path as received, bounded by the request head the server accepts.
        problem.addProperty("instance", Schemas.string(REQUEST_HEAD).format("uri-reference"));
        problem.addProperty("letterId", Schemas.string(36).format("uuid"));
        problem.addProperty("errors", Schemas.of("array").maxItems(1000).items(Schemas.ref(FIELD_ERROR)));
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem;
    }

    /** Two controllers may share a tag with different descriptions; the document names each tag once. */
    private static List<Tag> mergedTags(List<Tag> tags) {
        if (tags == null) {
            return null;
        }
        Map<String, Tag> byName = new TreeMap<>();
        for (Tag tag : tags) {
            Tag known = byName.get(tag.getName());
            if (known == null) {
                byName.put(tag.getName(), new Tag().name(tag.getName()).description(tag.getDescription()));
            } else if (tag.getDescription() != null && (known.getDescription() == null
                    || !known.getDescription().contains(tag.getDescription()))) {
                List<String> parts = new ArrayList<>();
                if (known.getDescription() != null) {
                    parts.add(known.getDescription());
                }
                parts.add(tag.getDescription());
                known.setDescription(String.join("; ", parts.stream().sorted().toList()));
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static void operation(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getDescription() == null && operation.getSummary() != null) {
            operation.setDescription(operation.getSummary());
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(ContractDocument::parameter);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                success(response);
            }
        });
        if (!path.startsWith("/api/")) {
            return;
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean command = parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equals(p.getName()));
        boolean idempotent = parameters.stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "Idempotency-Key".equals(p.getName()));
        List<String> statuses = new ArrayList<>(List.of("400", "401", "403", "406", "429", "503"));
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (hasBody) {
            statuses.add("413");
            statuses.add("415");
        }
        if (command) {
            statuses.add("409");
            statuses.add("412");
        }
        if (idempotent) {
            statuses.add("422");
        }
        // Refusals an operation declares itself (e.g. 409 of a command without If-Match) are problems too.
        responses.keySet().stream().filter(code -> code.startsWith("4") || code.startsWith("5"))
                .filter(code -> !statuses.contains(code)).toList().forEach(statuses::add);
        for (String status : statuses) {
            ApiResponse response = responses.get(status);
            if (response == null) {
                response = new ApiResponse().description(ERRORS.get(status));
                responses.addApiResponse(status, response);
            }
            response.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(Schemas.ref(PROBLEM))));
            if ("429".equals(status) || "503".equals(status)) {
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                        .schema(Schemas.of("integer").format("int32").minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(86_400))));
            }
        }
        operation.setResponses(sorted(responses));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }

    /** Files and streams are bytes or text, never a Java type's schema (void, SseEmitter). */
    private static void success(ApiResponse response) {
        if (response.getContent() == null) {
            return;
        }
        response.getContent().forEach((type, media) -> {
            if (isJson(type)) {
                return;
            }
            if (type.startsWith("text/") || type.endsWith("ndjson")) {
                media.setSchema(Schemas.of("string").maxLength(Integer.MAX_VALUE));
            } else {
                media.setSchema(Schemas.of("string").format("binary").maxLength(Integer.MAX_VALUE));
            }
        });
    }

    /** One JSON document (application/json, application/problem+json, …), not a stream of them (x-ndjson). */
    static boolean isJson(String mediaType) {
        String base = mediaType.split(";")[0].strip();
        return base.equals("application/json") || base.endsWith("+json") || base.equals("*/*");
    }

    private static void parameter(Parameter parameter) {
        if (parameter.getSchema() != null) {
            limits(parameter.getSchema());
            if ("string".equals(Schemas.typeOf(parameter.getSchema())) && parameter.getSchema().getMaxLength() == null
                    && parameter.getSchema().getEnum() == null) {
                parameter.getSchema().setMaxLength(REQUEST_HEAD);
            }
        }
        if (parameter.getDescription() == null) {
            parameter.setDescription(switch (parameter.getName()) {
                case "id" -> "The letter's id";
                case "page" -> "Page number, from 0";
                case "size" -> "Items per page";
                case "sort" -> "field,asc or field,desc";
                default -> parameter.getName();
            });
        }
    }

    /** Nullability and type limits of an object schema's properties, recursively. */
    private static void objectSchema(Schema<?> schema) {
        if (schema.getProperties() == null) {
            limits(schema);
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            limits(property);
            if (property.getExample() == null && EXAMPLES.containsKey(name)
                    && "string".equals(Schemas.typeOf(property)) && property.getEnum() == null) {
                property.setExample(EXAMPLES.get(name));
            }
            if (property.getProperties() != null) {
                objectSchema(property);
            }
            properties.put(name, required.contains(name) ? property : nullable(property));
        });
        schema.setProperties(properties);
    }

    /** A property that may be null: {@code type: [t, "null"]}, or any of the referenced schema and null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null || property.getEnum() != null) {
            if (property.getAnyOf() != null || property.getOneOf() != null) {
                return property;
            }
            Schema wrapper = Schemas.of("null");
            wrapper.setTypes(null);
            wrapper.setDescription(property.getDescription());
            property.setDescription(null);
            wrapper.addAnyOfItem(property);
            wrapper.addAnyOfItem(Schemas.of("null"));
            return wrapper;
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty()) {
            LinkedHashSet<String> types = new LinkedHashSet<>(property.getTypes());
            types.add("null");
            property.setTypes(types);
        }
        return property;
    }

    /** The longest text a simple pattern matches, or null. */
    private static Integer patternLength(String pattern) {
        if (pattern == null) {
            return null;
        }
        var repeated = REPEATED_CLASS.matcher(pattern);
        if (repeated.matches()) {
            return Integer.valueOf(repeated.group(2) != null ? repeated.group(2) : repeated.group(1));
        }
        var literal = LITERAL.matcher(pattern);
        return literal.matches() ? literal.group(1).length() : null;
    }

    /** What the server's types bound by themselves. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void limits(Schema schema) {
        String type = Schemas.typeOf(schema);
        if ("array".equals(type) && schema.getItems() != null) {
            limits(schema.getItems());
        }
        if ("string".equals(type) && schema.getMaxLength() == null && schema.getEnum() == null) {
            String format = Objects.requireNonNullElse(schema.getFormat(), "");
            switch (format) {
                case "uuid" -> schema.setMaxLength(36);
                case "date-time" -> schema.setMaxLength(DATE_TIME_LENGTH);
                case "date" -> schema.setMaxLength(10);
                default -> schema.setMaxLength(patternLength(schema.getPattern()));
            }
        }
        if ("integer".equals(type) && schema.getMaximum() == null) {
            boolean int64 = "int64".equals(schema.getFormat());
            schema.setMaximum(BigDecimal.valueOf(int64 ? Long.MAX_VALUE : Integer.MAX_VALUE));
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int64 ? Long.MIN_VALUE : Integer.MIN_VALUE));
            }
        }
    }
}
