package org.letterdesk.query.register;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes the register as RFC 4180 CSV that Excel opens correctly: UTF-8 with a byte-order mark (without it Excel
 * reads the Chinese as the local ANSI code page), CRLF line ends, a field quoted when it holds a comma, quote, CR
 * or LF, quotes doubled. Rows go out as they come; nothing is held but a small buffer.
 */
final class RegisterCsvWriter {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CRLF = "\r\n";

    private final Writer out;

    RegisterCsvWriter(OutputStream out) throws IOException {
        out.write(BOM);
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
    }

    void header(List<String> headers) throws IOException {
        row(headers);
    }

    void row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write(CRLF);
    }

    void flush() throws IOException {
        out.flush();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime time) {
            return RegisterColumns.MINUTES.format(time);
        }
        return quoted(neutralised(value.toString()));
    }

    /**
     * Spreadsheets run a cell that starts with = + - or @ (and, per OWASP, a leading tab or CR) as a formula, so a
     * sender could plant {@code =HYPERLINK(…)} or a DDE call in a letter and have it run on a staff computer. A
     * leading apostrophe makes Excel and LibreOffice show the text as it is instead.
     */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static String quoted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}
