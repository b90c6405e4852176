package org.letterdesk.query.register;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

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
     * Writes the file and returns the number of letters in it. CSV goes out row by row while the database is read;
     * XLSX rows are buffered in a temporary file and {@code out} is touched only once the database read succeeded.
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
        try (RegisterXlsxWriter xlsx = new RegisterXlsxWriter(columns.columns())) {
            long count = rows.forEach(filter, sort, entry -> xlsx.row(columns.values(entry, now)));
            xlsx.writeTo(out);
            return count;
        }
    }
}
