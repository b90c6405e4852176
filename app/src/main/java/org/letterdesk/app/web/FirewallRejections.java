package org.letterdesk.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.letterdesk.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Answers what Spring Security's firewall refuses — URLs with {@code ;}, {@code %3B}, {@code %25}, {@code //},
 * {@code .} segments or encoded periods, header values with control characters, methods it does not know — with
 * a problem: 501 METHOD_NOT_IMPLEMENTED for a method this server does not implement at all (RFC 9110 §9.1), 400
 * MALFORMED_REQUEST for everything else. (Spring Security's own handler answers with Spring Boot's error body.)
 */
@Component
class FirewallRejections implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);
    /** The methods the firewall lets through (StrictHttpFirewall's default), all of which Spring MVC serves. */
    private static final Set<String> IMPLEMENTED = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST",
            "PUT");

    private final ProblemWriter problems;

    FirewallRejections(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejection) throws IOException {
        log.debug("Request refused by the firewall: {}", rejection.getMessage());
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        ProblemCode code = IMPLEMENTED.contains(request.getMethod()) ? ProblemCode.MALFORMED_REQUEST
                : ProblemCode.METHOD_NOT_IMPLEMENTED;
        problems.write(request, response, code, StatusProblems.detailFor(code), Map.of());
    }
}
