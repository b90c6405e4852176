package org.letterdesk.command.api;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fills a {@link CommandRequest} controller argument from the If-Match, Idempotency-Key and correlation headers.
 * The key is stored with the first response and the correlation id in every event's permanent metadata, so both are
 * bounded here: 400 VALIDATION_FAILED naming the header otherwise.
 */
@Configuration(proxyBeanMethods = false)
class CommandRequestResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static final int MAX_IDEMPOTENCY_KEY = 200;
    /** Visible ASCII only (no spaces or control characters), at most 200 characters. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_IDEMPOTENCY_KEY + "}");
    /** Letters, digits and {@code . _ : -}, at most 64 characters: a UUID, a trace id, "corr-registration-1". */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandRequest.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String idempotencyKey = request.getHeader("Idempotency-Key");
        String correlationId = request.getHeader("X-Correlation-Id");
        check("Idempotency-Key", idempotencyKey, IDEMPOTENCY_KEY,
                "must be 1 to " + MAX_IDEMPOTENCY_KEY + " visible ASCII characters");
        check("X-Correlation-Id", correlationId, CORRELATION_ID,
                "must be 1 to 64 letters, digits or . _ : -");
        return new CommandRequest(request.getHeader("If-Match"), idempotencyKey, correlationId);
    }

    /** An absent or blank header is no header (a correlation id is then generated). */
    private static void check(String header, String value, Pattern allowed, String rule) {
        if (value != null && !value.isBlank() && !allowed.matcher(value).matches()) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "Invalid header " + header,
                    Map.of("errors", List.of(Map.of("field", header, "message", rule))));
        }
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
