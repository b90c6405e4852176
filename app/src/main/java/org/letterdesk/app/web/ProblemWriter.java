package org.letterdesk.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.letterdesk.problem.ProblemCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** Builds the RFC 9457 problem documents of the contract, with their stable {@code code}. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public ProblemDetail problem(ProblemCode code, String detail, Map<String, Object> properties, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.status()), detail);
        problem.setType(URI.create(code.type()));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        URI instance = instance(path);
        if (instance != null) {
            problem.setInstance(instance);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }

    /**
     * The request path as the problem's instance. A path refused for its characters ({@code [}, {@code |}, a
     * stray {@code %}) is no valid URI as sent, so its illegal characters are quoted; one that cannot be quoted
     * into a URI is left out rather than failing the answer.
     */
    private static URI instance(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            try {
                return new URI(null, null, path, null);
            } catch (URISyntaxException unquotable) {
                return null;
            }
        }
    }

    /** For errors raised before a controller is reached (authentication, filters). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, String detail,
                      Map<String, Object> properties) throws IOException {
        // Not to the console's script (it says so with X-Requested-With): a Basic challenge would make the browser
        // open its own password dialog over the console, where signing in again is the console's login page.
        if (code == ProblemCode.UNAUTHENTICATED && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"letterdesk\"");
        }
        write(response, problem(code, detail, properties, request.getRequestURI()));
    }

    /** Writes a problem as the whole answer, with its status. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem document as text, for writers that are not servlet responses (Tomcat's error report). */
    public String toJson(ProblemDetail problem) {
        return json.writeValueAsString(problem);
    }
}
