package org.letterdesk.command.attachment;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.util.Map;

/** A file the store does not keep: too large, or of a type not allowed or not what it claims to be. */
public class AttachmentRefused extends LetterdeskProblem {

    AttachmentRefused(ProblemCode code, String detail, Map<String, Object> properties) {
        super(code, detail, properties);
    }
}
