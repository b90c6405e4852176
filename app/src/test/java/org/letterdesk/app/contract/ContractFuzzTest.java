package org.letterdesk.app.contract;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fuzzing run over every operation of the served OpenAPI document, as every role and as nobody: requests
 * built from each operation's parameters and body schema — mostly valid, some with one thing wrong (a missing or
 * mistyped field, broken JSON, a wrong media type, a value out of its range, an unacceptable Accept) — against the
 * running application with its real database. Every answer must be below 500, every error a problem document with a
 * {@code code}, every status documented for its operation and every JSON body valid against the documented schema.
 * <p>
 * Bounded by time ({@code -Dfuzz.seconds}, default 60) and requests; {@code -Dfuzz.seed} replays a run. The figures
 * are printed and written to target/contract-fuzz.txt.
 */
class ContractFuzzTest extends ApiTestSupport {

    private static final long SEED = Long.getLong("fuzz.seed", 19L);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 60));
    private static final int MAX_REQUESTS = Integer.getInteger("fuzz.requests", 6000);
    private static final List<String> USERS = java.util.Arrays.asList(null, "clerk", "handler", "reviewer",
            "supervisor", "director", "legal", "archivist", "auditor", "admin", "lead", "chief");
    /**
     * Changes under /api/admin act on the whole installation (a read-model rebuild, compacting a month of the event
     * store, the routing rules): fuzzed only as users they refuse, so the run cannot change what the other tests
     * sharing this application rely on.
     */
    private static boolean installationWide(Operation operation) {
        return operation.path().startsWith("/api/admin/") && !operation.method().equals("GET");
    }
    /** An endless event stream: no answer to validate, only a subscription. */
    private static final Set<String> STREAMS = Set.of("GET /api/worklist/stream");
    private static final String TEXT = "张三李四王五会员积分未到账请核实退款服务费投诉建议咨询上海北京";

    private final Random random = new Random(SEED);
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Schema> validators = new HashMap<>();
    private JsonNode document;
    private SchemaRegistry schemas;
    private final List<String> letters = new ArrayList<>();

    record Operation(String method, String path, JsonNode spec) {
        String key() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationAnswersAsDocumentedWhateverItIsSent() throws Exception {
        document = ok(get(null, "/v3/api-docs")).body();
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        seedLetters();
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(30);

        Map<String, Integer> byStatus = new TreeMap<>();
        Set<String> fuzzed = new TreeSet<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        int requests = 0;
        long deadline = System.nanoTime() + BUDGET.toNanos();
        // Every operation at least once per round, as a different user each round.
        for (int round = 0; System.nanoTime() < deadline && requests < MAX_REQUESTS; round++) {
            for (Operation operation : operations) {
                if (System.nanoTime() >= deadline || requests >= MAX_REQUESTS) {
                    break;
                }
                String user = USERS.get(Math.floorMod(round * 7 + requests, USERS.size()));
                if (installationWide(operation) && "admin".equals(user)) {
                    user = "clerk";
                }
                Sent sent = send(operation, user, random.nextInt(4) == 0);
                requests++;
                fuzzed.add(operation.key());
                byStatus.merge(sent.status() / 100 + "xx", 1, Integer::sum);
                String where = operation.key() + " as " + user + " " + sent.describe();
                if (sent.status() >= 500) {
                    serverErrors.add(where);
                }
                check(operation, sent, where, violations);
            }
        }

        String figures = "Contract fuzzing (seed " + SEED + "): " + fuzzed.size() + " operations, " + requests
                + " requests " + byStatus + ", 5xx " + serverErrors.size() + ", schema or contract violations "
                + violations.size() + " (not fuzzed: " + STREAMS + ")";
        System.out.println(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/contract-fuzz.txt"), figures + "\n"
                + String.join("\n", serverErrors) + "\n" + String.join("\n", violations) + "\n");
        assertThat(serverErrors).as(figures).isEmpty();
        assertThat(violations).as(figures).isEmpty();
        assertThat(fuzzed).as("every operation fuzzed").hasSize(operations.size());
    }

    // ---- the document's operations ----

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                Operation operation = new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue());
                if (!STREAMS.contains(operation.key())) {
                    operations.add(operation);
                }
            }
        }
        return operations;
    }

    private void seedLetters() {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0).toString();
        for (int i = 0; i < 3; i++) {
            letters.add(created(post("clerk", "/api/letters", letter(receivedAt))).body().get("letterId").asString());
        }
        ok(post("clerk", "/api/letters/" + letters.get(0) + "/assignment",
                Map.of("department", "CUSTOMER_SERVICE", "assignee", "handler")));
        ok(post("handler", "/api/letters/" + letters.get(0) + "/drafts",
                Map.of("summary", "关于您反映的问题，现答复如下：", "points", List.of("已为您补发积分。"))));
    }

    // ---- one request ----

    record Sent(String method, String uri, String contentType, String body, int status, String responseType,
                String responseBody) {
        String describe() {
            return method + " " + uri + (body == null ? "" : " " + abbreviate(body)) + " -> " + status + " "
                    + responseType + " " + abbreviate(responseBody);
        }

        private static String abbreviate(String text) {
            return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }

    private Sent send(Operation operation, String user, boolean spoil) throws IOException, InterruptedException {
        JsonNode spec = operation.spec();
        // One thing wrong in a spoilt request; which one is drawn from what the operation has.
        String fault = spoil ? List.of("path", "query", "header", "body", "media", "json", "accept")
                .get(random.nextInt(7)) : "none";
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : spec.path("parameters")) {
            String name = parameter.get("name").asString();
            String in = parameter.get("in").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            boolean wrong = fault.equals(in) && random.nextBoolean();
            if (!parameter.path("required").asBoolean() && !wrong && random.nextBoolean()) {
                continue;
            }
            String value = wrong ? wrongText(schema) : parameterValue(operation, name, schema);
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                case "query" -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                case "header" -> headers.put(name, value);
                default -> {
                }
            }
        }
        String body = null;
        String contentType = null;
        JsonNode requestBody = spec.path("requestBody");
        if (!requestBody.isMissingNode()) {
            contentType = requestBody.path("content").propertyNames().iterator().next();
            JsonNode schema = requestBody.path("content").path(contentType).path("schema");
            JsonNode value = value(schema, 0);
            if (fault.equals("body")) {
                value = spoilt(value, resolve(schema));
            }
            body = fault.equals("json") ? "{\"subject\": \"未完" : value.toString();
            if (fault.equals("media")) {
                contentType = "text/plain";
            }
        }
        String uri = path + query;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
                .timeout(Duration.ofSeconds(30))
                .method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (fault.equals("accept")) {
            request.header("Accept", "application/xml");
        }
        headers.forEach((name, value) -> {
            if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                request.header(name, value);
            }
        });
        HttpResponse<String> response = client.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Sent(operation.method(), uri, contentType, body, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private String parameterValue(Operation operation, String name, JsonNode schema) {
        if (operation.key().equals("PUT /api/calendar/{year}") && name.equals("year")) {
            return String.valueOf(2090 + random.nextInt(11)); // a year no other test counts deadlines in
        }
        if (name.equals("minVersion")) {
            return String.valueOf(random.nextInt(3)); // each missing version is waited for
        }
        if (name.equals("If-Match")) {
            return random.nextBoolean() ? "*" : "\"" + random.nextInt(12) + "\"";
        }
        if (name.equals("Idempotency-Key") || name.equals("X-Correlation-Id")) {
            return "fuzz-" + random.nextInt(1000);
        }
        if (name.equals("month")) {
            return String.format("%d-%02d", 2020 + random.nextInt(8), 1 + random.nextInt(12));
        }
        if (name.equals("sort")) {
            return List.of("receivedAt,desc", "serialNo,asc", "status", "replyDue,desc").get(random.nextInt(4));
        }
        if (name.equals("format")) {
            return random.nextBoolean() ? "csv" : "xlsx";
        }
        if (name.equals("from") || name.equals("to")) {
            return LocalDate.now().minusDays(random.nextInt(400)).toString();
        }
        JsonNode value = value(schema, 0);
        return value.isString() ? value.asString() : value.toString();
    }

    private String wrongText(JsonNode schema) {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "-1";
            case 2 -> "99999999999999999999";
            case 3 -> "不是" + TEXT.repeat(1 + random.nextInt(3));
            default -> schema.has("maxLength") ? "x".repeat(Math.min(schema.get("maxLength").asInt() + 1, 7000))
                    : "2026-13-45T25:61:00+08:00";
        };
    }

    // ---- values from schemas ----

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private JsonNode value(JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("anyOf") || schema.has("oneOf")) {
            List<JsonNode> choices = new ArrayList<>();
            (schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf")).forEach(choice -> {
                if (!"null".equals(choice.path("type").asString(""))) {
                    choices.add(choice);
                }
            });
            return choices.isEmpty() || random.nextInt(10) == 0 ? nodes.nullNode()
                    : value(choices.get(random.nextInt(choices.size())), depth);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = type(schema);
        if (schema.path("type").isArray() && random.nextInt(12) == 0) {
            return nodes.nullNode();
        }
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                int max = Math.min(schema.path("maxItems").asInt(3), 3);
                int min = Math.min(schema.path("minItems").asInt(0), max);
                int count = depth > 3 ? min : min + random.nextInt(max - min + 1);
                for (int i = 0; i < count; i++) {
                    array.add(value(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> nodes.numberNode(integer(schema));
            case "number" -> nodes.numberNode(random.nextInt(1000) / 10.0);
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            case "string" -> nodes.stringNode(string(schema));
            default -> nodes.stringNode(string(schema));
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
            return "null";
        }
        return type.isString() ? type.asString() : schema.has("properties") ? "object" : "string";
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = nodes.objectNode();
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (var property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) || (depth < 3 && random.nextBoolean())) {
                object.set(property.getKey(), value(property.getValue(), depth + 1));
            }
        }
        return object;
    }

    private long integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : 50;
        long low = Math.max(min, Math.min(0, max));
        long high = Math.min(max, low + 50);
        if (min >= 1900 && max <= 2200) { // a year
            low = min;
            high = max;
        }
        return low + (long) random.nextInt((int) (high - low + 1));
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asString("");
        switch (format) {
            case "date-time" -> {
                return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(random.nextInt(100_000)).withNano(0)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            case "date" -> {
                return LocalDate.now().plusDays(random.nextInt(60) - 30).toString();
            }
            case "uuid" -> {
                return random.nextInt(4) == 0 ? new java.util.UUID(random.nextLong(), random.nextLong()).toString()
                        : letters.get(random.nextInt(letters.size()));
            }
            case "email" -> {
                return "li.si" + random.nextInt(100) + "@example.com";
            }
            default -> {
            }
        }
        if (schema.has("example") && random.nextBoolean()) {
            return schema.get("example").asString();
        }
        String pattern = schema.path("pattern").asString("");
        if (pattern.equals("[0-9a-fA-F]{64}")) {
            return "0123456789abcdef".repeat(4);
        }
        if (pattern.startsWith("[0-9+()")) {
            return "13800138" + (100 + random.nextInt(900));
        }
        if (!pattern.isEmpty() && pattern.matches("\\^?[A-Z_]+\\$?")) {
            return pattern.replace("^", "").replace("$", "");
        }
        int max = schema.has("maxLength") ? Math.min(schema.get("maxLength").asInt(), 40) : 40;
        int min = Math.max(schema.path("minLength").asInt(0), 1);
        int length = Math.max(min, 1 + random.nextInt(Math.max(1, max)));
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(TEXT.charAt(random.nextInt(TEXT.length())));
        }
        return text.substring(0, Math.min(length, Math.max(max, min)));
    }

    /** The same value with one thing wrong: a required field dropped, a field of the wrong type, or too long. */
    private JsonNode spoilt(JsonNode value, JsonNode schema) {
        if (!(value instanceof ObjectNode object) || object.isEmpty()) {
            return nodes.arrayNode().add(value);
        }
        List<String> names = new ArrayList<>(object.propertyNames());
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(3)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, object.get(name).isNumber() || object.get(name).isBoolean()
                    ? nodes.stringNode("不是数字") : nodes.numberNode(random.nextInt()));
            default -> object.put(name, TEXT.repeat(300));
        }
        return object;
    }

    // ---- checking an answer against the document ----

    private void check(Operation operation, Sent sent, String where, List<String> violations) {
        JsonNode responses = operation.spec().path("responses");
        String status = String.valueOf(sent.status());
        JsonNode documented = responses.has(status) ? responses.get(status) : responses.path("default");
        if (sent.status() >= 400) {
            if (!sent.responseType().startsWith("application/problem+json")) {
                violations.add("error not problem+json: " + where);
                return;
            }
            JsonNode problem = readJson(sent.responseBody());
            if (problem == null || !problem.path("code").isString()) {
                violations.add("problem without code: " + where);
                return;
            }
        }
        if (documented.isMissingNode()) {
            violations.add("undocumented status " + status + ": " + where);
            return;
        }
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return;
        }
        String mediaType = documentedType(content, sent.responseType());
        if (mediaType == null) {
            violations.add("undocumented media type " + sent.responseType() + ": " + where);
            return;
        }
        String base = mediaType.split(";")[0].strip();
        if (!base.equals("application/json") && !base.endsWith("+json") && !base.equals("*/*")) {
            return; // files, text and streams of JSON lines: their media type is what is checked
        }
        JsonNode body = readJson(sent.responseBody());
        if (body == null) {
            violations.add("body not JSON: " + where);
            return;
        }
        JsonNode schema = content.get(mediaType).path("schema");
        var errors = validator(schema).validate(body);
        if (!errors.isEmpty()) {
            violations.add("schema " + errors.stream().limit(5).map(Object::toString).toList() + ": " + where);
        }
    }

    private static String documentedType(JsonNode content, String actual) {
        String base = actual.split(";")[0].strip();
        for (Iterator<String> types = content.propertyNames().iterator(); types.hasNext(); ) {
            String type = types.next();
            if (type.split(";")[0].strip().equalsIgnoreCase(base) || type.equals("*/*")) {
                return type;
            }
        }
        return null;
    }

    private JsonNode readJson(String text) {
        try {
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The documented schema with the document's components beside it, so that its $refs resolve. */
    private Schema validator(JsonNode schema) {
        return validators.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = nodes.objectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", document.get("components"));
            root.set("allOf", nodes.arrayNode().add(schema));
            return schemas.getSchema(root);
        });
    }
}
