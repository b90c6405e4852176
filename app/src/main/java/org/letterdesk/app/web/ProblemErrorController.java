package org.letterdesk.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.letterdesk.problem.ProblemCode;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.util.Map;

/**
 * The servlet container's error page: what the container or a filter answered with {@code sendError} (Tomcat's
 * 405 to TRACE, a refusal before Spring MVC) or an exception that left the filter chain. Answers with a problem
 * and the code of its status, in place of Spring Boot's default error body. Asked for directly, it is no
 * resource (404).
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemCode code = status instanceof Integer s ? StatusProblems.codeFor(s) : ProblemCode.NOT_FOUND;
        problems.write(response, problems.problem(code, StatusProblems.detailFor(code), Map.of(),
                path instanceof String p ? p : request.getRequestURI()));
    }
}
