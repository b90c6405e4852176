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
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** For errors raised before a controller is reached (authentication, filters). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, String detail,
                      Map<String, Object> properties) throws IOException {
        if (code == ProblemCode.UNAUTHENTICATED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"letterdesk\"");
        }
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                problem(code, detail, properties, request.getRequestURI()));
    }
}
