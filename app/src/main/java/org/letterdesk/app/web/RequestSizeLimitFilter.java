package org.letterdesk.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses request bodies over {@code letterdesk.max-request-bytes} with 413: at once when Content-Length says so,
 * and while reading when a chunked body grows past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the security headers (SecurityHeaders)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** File uploads (POST /api/attachments) may be as large as the attachment limit, plus the multipart framing. */
    private static final String UPLOADS = "/api/attachments";
    private static final long MULTIPART_FRAMING = 64 * 1024;

    private final long requestMaxBytes;
    private final long uploadMaxBytes;
    private final ProblemWriter problems;

    RequestSizeLimitFilter(@Value("${letterdesk.max-request-bytes:262144}") long maxBytes,
                           @Value("${letterdesk.attachments.max-bytes:26214400}") long attachmentMaxBytes,
                           ProblemWriter problems) {
        this.requestMaxBytes = maxBytes;
        this.uploadMaxBytes = Math.max(maxBytes, attachmentMaxBytes + MULTIPART_FRAMING);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = "POST".equals(request.getMethod()) && UPLOADS.equals(request.getRequestURI())
                ? uploadMaxBytes : requestMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, ProblemCode.PAYLOAD_TOO_LARGE,
                    "The request body exceeds " + maxBytes + " bytes", Map.of("maxBytes", maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = in.read(buf, off, len);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > maxBytes) {
                        throw new LetterdeskProblem(ProblemCode.PAYLOAD_TOO_LARGE,
                                "The request body exceeds " + maxBytes + " bytes", Map.of("maxBytes", maxBytes));
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
