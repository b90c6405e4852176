package org.letterdesk.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.letterdesk.app.database.DatabaseWaits;
import org.letterdesk.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.Map;

/**
 * While the database is unreachable, too slow or holding a lock too long, a request answers 503 DB_UNAVAILABLE with
 * {@code Retry-After}, whatever wrapped the driver's exception on its way up. It runs before the
 * {@code @ExceptionHandler}s ({@link ProblemHandler}), which never see these failures; every other exception is
 * left to them.
 */
@Component
class DatabaseUnavailableResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

    private final ProblemWriter problems;
    private final long retryAfterSeconds;

    DatabaseUnavailableResolver(ProblemWriter problems, DatabaseWaits waits) {
        this.problems = problems;
        this.retryAfterSeconds = Math.max(1, waits.retryAfter().toSeconds());
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        var failure = DatabaseFailure.of(e);
        if (failure.isEmpty() || response.isCommitted()) {
            return null;
        }
        log.warn("{} {}: database unavailable ({}): {}", request.getMethod(), request.getRequestURI(),
                failure.get(), e.toString());
        try {
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            problems.write(request, response, ProblemCode.DB_UNAVAILABLE, failure.get().detail(), Map.of());
        } catch (IOException io) {
            log.debug("Could not send the 503 to the client", io);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
