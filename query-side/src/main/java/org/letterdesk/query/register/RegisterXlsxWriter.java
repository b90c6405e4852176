package org.letterdesk.query.register;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes the register as an XLSX workbook with POI's streaming API: only the last {@value #ROW_WINDOW} rows stay in
 * memory, older ones are flushed to a compressed temporary file, which {@link #close()} deletes. Header row bold and
 * frozen with an auto-filter; times are real date cells shown as {@code yyyy-mm-dd hh:mm}, so Excel sorts and
 * filters them as dates. Text cells are typed as strings, so a leading "=" is never evaluated as a formula and
 * needs no escaping here (unlike CSV).
 */
final class RegisterXlsxWriter implements Closeable {

    static final String SHEET = "信函登记表";
    private static final int ROW_WINDOW = 100;
    /** Excel refuses longer cells; the end is cut and marked rather than failing the whole export. */
    static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    static final String CUT = "…(截断)";
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle headerStyle;
    private final CellStyle timeStyle;
    private int nextRow;

    RegisterXlsxWriter(List<RegisterColumns.Column> columns) {
        workbook = new SXSSFWorkbook(ROW_WINDOW);
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(SHEET);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        timeStyle = workbook.createCellStyle();
        timeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        Row header = sheet.createRow(nextRow++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    }

    void row(List<?> values) {
        if (nextRow >= MAX_ROWS) {
            // Rows are only buffered so far, so this still reaches the client as a proper problem.
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "More than " + (MAX_ROWS - 1)
                    + " letters do not fit in one worksheet; narrow the filter or export CSV",
                    Map.of("errors", List.of(Map.of("field", "format",
                            "message", "xlsx holds at most " + (MAX_ROWS - 1) + " rows"))));
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(timeStyle);
            } else {
                cell.setCellValue(fitted(value.toString()));
            }
        }
    }

    /** Rows written so far, without the header. */
    int rows() {
        return nextRow - 1;
    }

    void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    static String fitted(String text) {
        if (text.length() <= MAX_CELL_CHARS) {
            return text;
        }
        int end = MAX_CELL_CHARS - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character outside the BMP (rare CJK ideographs, emoji)
        }
        return text.substring(0, end) + CUT;
    }

    /** Deletes the temporary files too (what the deprecated {@code dispose()} did on its own). */
    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
