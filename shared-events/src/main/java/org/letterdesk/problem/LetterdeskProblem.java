package org.letterdesk.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal with a stable code, raised by either side and turned into an RFC 9457 problem at the HTTP edge.
 * Extra properties (letterId, findings, …) become members of the problem document.
 */
public class LetterdeskProblem extends RuntimeException {

    private final ProblemCode code;
    private final Map<String, Object> properties;

    public LetterdeskProblem(ProblemCode code, String detail) {
        this(code, detail, Map.of());
    }

    public LetterdeskProblem(ProblemCode code, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.code = code;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public ProblemCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
