package org.letterdesk.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error leaves as an RFC 9457 problem with a stable code; unexpected ones are logged here with their stack
 * trace and reach the client only as INTERNAL_ERROR.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemWriter problems;

    ProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(LetterdeskProblem.class)
    ResponseEntity<ProblemDetail> letterdesk(LetterdeskProblem e, HttpServletRequest request) {
        return respond(e.code(), e.getMessage(), e.properties(), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return respond(ProblemCode.LETTER_NOT_FOUND, "No letter " + e.getAggregateIdentifier(),
                Map.of("letterId", String.valueOf(e.getAggregateIdentifier())), request);
    }

    @ExceptionHandler(ConflictingModificationException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictingModificationException e, HttpServletRequest request) {
        return respond(ProblemCode.VERSION_CONFLICT, "The letter has changed since the version given in If-Match",
                Map.of(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return respond(ProblemCode.FORBIDDEN, "Your role may not do this: " + e.getMessage(), Map.of(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof LetterdeskProblem problem) {
                return letterdesk(problem, request); // e.g. a chunked body that grew past the size limit
            }
        }
        if (e.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = bind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return respond(ProblemCode.VALIDATION_FAILED, "The request has invalid fields",
                    Map.of("errors", List.of(Map.of("field", field, "message", "has an invalid value"))), request);
        }
        return respond(ProblemCode.MALFORMED_REQUEST, "The request body is not valid JSON", Map.of(), request);
    }

    /** Query parameters bound to a record (e.g. register filters) with a value of the wrong type. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> badFields(BindException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", "has an invalid value"))
                .toList();
        return respond(ProblemCode.VALIDATION_FAILED, "Invalid parameters", Map.of("errors", errors), request);
    }

    /** A multipart body that cannot be parsed (no boundary, truncated, not multipart at all). */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json", Map.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(ProblemCode.NOT_ACCEPTABLE, "That representation is not available", Map.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = respond(ProblemCode.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not supported here", Map.of(), request);
        // A 405 names the methods the resource does serve (RFC 9110 §15.5.6).
        return e.getSupportedHttpMethods() == null ? problem : ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders()).allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new))
                .body(problem.getBody());
    }

    /**
     * A body declared multipart that is none (no boundary, cut short): the client's error, found by the contract
     * fuzzing run, which had it answered 500. An upload over the limit stays 413.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e,
                                            HttpServletRequest request) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return respond(ProblemCode.PAYLOAD_TOO_LARGE, "The upload is too large", Map.of(), request);
        }
        return respond(ProblemCode.MALFORMED_REQUEST, "The request body is not valid multipart/form-data",
                Map.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(ProblemCode.NOT_FOUND, "No such resource", Map.of(), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class, HandlerMethodValidationException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : e instanceof MissingRequestHeaderException h ? h.getHeaderName() : "request";
        return respond(ProblemCode.VALIDATION_FAILED, "Invalid parameter " + name,
                Map.of("errors", List.of(Map.of("field", name, "message", "is missing or invalid"))), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getCause() instanceof LetterdeskProblem problem) {
            return letterdesk(problem, request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        if (response.isCommitted()) {
            return null; // a streamed download already started; nothing more can be said to the client
        }
        return respond(ProblemCode.INTERNAL_ERROR, "An unexpected error occurred; it was logged", Map.of(), request);
    }

    private ResponseEntity<ProblemDetail> respond(ProblemCode code, String detail, Map<String, Object> properties,
                                                  HttpServletRequest request) {
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(code, detail, properties, request.getRequestURI()));
    }
}
