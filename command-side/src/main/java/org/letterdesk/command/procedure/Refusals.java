package org.letterdesk.command.procedure;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The problems a letter's rules raise, each naming the letter. */
public final class Refusals {

    private Refusals() {
    }

    /** The command is not allowed in the letter's current state (409 INVALID_TRANSITION). */
    public static LetterdeskProblem invalid(String letterId, String detail) {
        return refused(ProblemCode.INVALID_TRANSITION, letterId, detail);
    }

    public static LetterdeskProblem refused(ProblemCode code, String letterId, String detail) {
        return refused(code, letterId, detail, Map.of());
    }

    public static LetterdeskProblem refused(ProblemCode code, String letterId, String detail,
                                            Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("letterId", letterId);
        all.putAll(properties);
        return new LetterdeskProblem(code, detail, all);
    }

    /** A field of the command is not acceptable for this letter (400 VALIDATION_FAILED naming it). */
    public static LetterdeskProblem validation(String letterId, List<Map<String, String>> errors) {
        return refused(ProblemCode.VALIDATION_FAILED, letterId, "The request has invalid fields",
                Map.of("errors", errors));
    }

    public static LetterdeskProblem validation(String letterId, String field, String message) {
        return refused(ProblemCode.VALIDATION_FAILED, letterId, field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
