package org.letterdesk.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.letterdesk.problem.ProblemCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report as a problem instead of an HTML page. It speaks for the refusals Tomcat makes before any
 * filter or servlet runs — a request line it cannot parse, characters not allowed in a URL ({@code [}, {@code |},
 * {@code {}), {@code %2F} or {@code %5C} in a path (Tomcat's encodedSolidusHandling is left at "reject"; its
 * encodedReverseSolidusHandling at "decode", and the backslash that gives is refused in a path), a broken header
 * line — and for any error the application left without a body.
 */
class ProblemReportValve extends ErrorReportValve {

    private final ProblemWriter problems;

    ProblemReportValve(ProblemWriter problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone; there is no one to answer
        }
        ProblemCode code = StatusProblems.codeFor(status);
        String body = problems.toJson(problems.problem(code, StatusProblems.detailFor(code), Map.of(),
                request.getRequestURI()));
        try {
            response.setStatus(code.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away while the refusal was written
        }
    }
}
