package org.letterdesk.query.register;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Streams the filtered register from the database into a CSV or XLSX file. */
@Component
class RegisterExporter {

    private final RegisterRows rows;
    private final RegisterColumns columns;

    RegisterExporter(RegisterRows rows, RegisterColumns columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Writes the file and returns the number of letters in it. Both formats go out row by row while the database is
     * read.
     */
    long write(RegisterExportFormat format, Specification<RegisterEntry> filter, Sort sort, Instant now,
               OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> csv(filter, sort, now, out);
            case XLSX -> xlsx(filter, sort, now, out);
        };
    }

    private long csv(Specification<RegisterEntry> filter, Sort sort, Instant now, OutputStream out)
            throws IOException {
        RegisterCsvWriter csv = new RegisterCsvWriter(out);
        csv.header(columns.headers());
        long count = rows.forEach(filter, sort, entry -> csv.row(columns.values(entry, now)));
        csv.flush();
        return count;
    }

    private long xlsx(Specification<RegisterEntry> filter, Sort sort, Instant now, OutputStream out)
            throws IOException {
        // Counted first: once rows stream out, a refusal can no longer reach the client as a problem.
        long letters = rows.count(filter);
        if (letters > RegisterXlsxWriter.MAX_ROWS - 1) {
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "More than " + (RegisterXlsxWriter.MAX_ROWS - 1)
                    + " letters do not fit in one worksheet; narrow the filter or export CSV",
                    Map.of("errors", List.of(Map.of("field", "format",
                            "message", "xlsx holds at most " + (RegisterXlsxWriter.MAX_ROWS - 1) + " rows"))));
        }
        RegisterXlsxWriter xlsx = new RegisterXlsxWriter(columns.columns(), out);
        long count = rows.forEach(filter, sort, entry -> xlsx.row(columns.values(entry, now)));
        xlsx.finish();
        return count;
    }
}
