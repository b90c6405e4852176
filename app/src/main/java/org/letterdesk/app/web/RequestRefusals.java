package org.letterdesk.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.letterdesk.problem.ProblemCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * Refusals of the request itself that surface only once a controller's arguments are read: the firewall checks
 * parameter names and header values when they are first asked for, and Tomcat parses the parameters then. Both
 * are the client's error, not an internal one. (Query strings under /api are checked before, with the parameter
 * named: {@link QueryParameterCheck}.) Ordered before the general {@code ProblemHandler}, whose catch-all would
 * otherwise take them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestRefusals {

    private final ProblemWriter problems;

    RequestRefusals(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return respond(ProblemCode.MALFORMED_REQUEST, "The request holds a parameter name or header value that is "
                + "not allowed (control or unassigned characters)", request);
    }

    /** Tomcat could not parse the parameters: too many, or broken percent-encoding in a form body. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unparsable(InvalidParameterException e, HttpServletRequest request) {
        ProblemCode code = e.getErrorCode() == 413 ? ProblemCode.PAYLOAD_TOO_LARGE : ProblemCode.MALFORMED_REQUEST;
        return respond(code, "The request's parameters cannot be read", request);
    }

    private ResponseEntity<ProblemDetail> respond(ProblemCode code, String detail, HttpServletRequest request) {
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(code, detail, Map.of(), request.getRequestURI()));
    }
}
