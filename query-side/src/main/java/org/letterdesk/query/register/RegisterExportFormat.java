package org.letterdesk.query.register;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The file formats the register exports to. */
enum RegisterExportFormat {

    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    RegisterExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    /** {@code csv} or {@code xlsx}, in any case; anything else is the client's error. */
    static RegisterExportFormat of(String value) {
        for (RegisterExportFormat format : values()) {
            if (format.extension.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "Cannot export the register as " + value,
                Map.of("errors", List.of(Map.of("field", "format", "message", "must be csv or xlsx"))));
    }
}
