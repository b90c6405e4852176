package org.letterdesk.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.letterdesk.problem.ProblemCode;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string of every /api request, checked before anything reads a parameter: each parameter must have a
 * plain name — not empty, no control or unassigned characters, no {@code .}, {@code [} or {@code ]} (no API
 * parameter is nested or indexed, so such a name is a client's mistake, e.g. {@code filter[q]} for {@code q}, that
 * would otherwise be silently ignored) — and names and values must be valid percent-encoded UTF-8, values without
 * the character U+0000 (which PostgreSQL cannot take as text). Anything else is
 * 400 VALIDATION_FAILED naming each such parameter as sent (decoded where it decodes). Left to Tomcat, Spring
 * Security's firewall and Spring's data binding, the same requests failed deep inside a controller's argument
 * binding, as 500.
 * <p>
 * Runs after authentication (a request without credentials is still 401) and before the role checks, like every
 * other parameter check. Unknown plain names are ignored, as before.
 */
@Component
class QueryParameterCheck extends OncePerRequestFilter {

    private final ProblemWriter problems;

    QueryParameterCheck(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        List<Map<String, String>> errors = query == null ? List.of() : errors(query);
        if (!errors.isEmpty()) {
            problems.write(request, response, ProblemCode.VALIDATION_FAILED, "Invalid query parameters: "
                    + errors.stream().map(e -> "'" + e.get("field") + "'").toList(), Map.of("errors", errors));
            return;
        }
        chain.doFilter(request, response);
    }

    static List<Map<String, String>> errors(String query) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue; // a stray '&' is no parameter
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            if (name == null) {
                byName.putIfAbsent(rawName, "is not valid percent-encoded UTF-8");
                continue;
            }
            String problem = nameProblem(name);
            if (problem != null) {
                byName.putIfAbsent(name, problem);
            } else if (equals >= 0) {
                String value = decode(pair.substring(equals + 1));
                if (value == null) {
                    byName.putIfAbsent(name, "has a value that is not valid percent-encoded UTF-8");
                } else if (value.indexOf('\0') >= 0) {
                    // PostgreSQL cannot take U+0000 in a text parameter: the query failed with 500.
                    byName.putIfAbsent(name, "has a value with the character U+0000");
                }
            }
        }
        List<Map<String, String>> errors = new ArrayList<>();
        byName.forEach((field, message) -> errors.add(Map.of("field", field, "message", message)));
        return errors;
    }

    private static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "a query parameter needs a name";
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c))) {
            return "must not contain control or unassigned characters";
        }
        if (name.chars().anyMatch(c -> c == '.' || c == '[' || c == ']')) {
            return "is no parameter of this API: parameters are plain names, never nested (a.b) or indexed (a[0])";
        }
        return null;
    }

    /** Form-style decoding ({@code +} is a space), strict UTF-8; null if it does not decode. */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] plain = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
