package org.letterdesk.query.register;

import org.apache.poi.ss.SpreadsheetVersion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the register as an XLSX workbook straight to the client while the database is read, one row at a time:
 * the workbook's fixed parts first, then the sheet's XML row by row into the zip stream, so memory stays flat and
 * nothing is written twice (POI's streaming workbook compressed every row into a temporary file and then again into
 * the file, at a fifth of the CSV's speed). Header row bold and frozen with an auto-filter; times are real date cells
 * shown as {@code yyyy-mm-dd hh:mm}, so Excel sorts and filters them as dates. Text cells are inline strings, so a
 * leading "=" is never evaluated as a formula and needs no escaping here (unlike CSV).
 */
final class RegisterXlsxWriter {

    static final String SHEET = "信函登记表";
    /** Excel refuses longer cells; the end is cut and marked rather than failing the whole export. */
    static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    static final String CUT = "…(截断)";
    /** Rows a worksheet holds, the header included. */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOCUMENT_RELATIONSHIPS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    /** Cell styles of styles.xml: 0 plain, 1 bold (the header), 2 a date and time. */
    private static final int BOLD = 1;
    private static final int TIME = 2;
    /** Day 0 of Excel's (1900) date system as it counts for every date after February 1900. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final ZipOutputStream zip;
    private final Writer sheet;
    private final String[] columnNames;
    /** The header row's last cell, where the auto-filter ends. */
    private final String lastHeader;
    private int nextRow = 1;

    RegisterXlsxWriter(List<RegisterColumns.Column> columns, OutputStream out) throws IOException {
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // Fast compression: the sheet's XML is repetitive, so level 1 already makes it small; higher levels cost
        // several times the CPU for a few per cent.
        zip.setLevel(Deflater.BEST_SPEED);
        columnNames = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            columnNames[i] = columnName(i);
        }
        part("[Content_Types].xml", PROLOG + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.styles+xml\"/></Types>");
        part("_rels/.rels", PROLOG + "<Relationships xmlns=\"" + RELATIONSHIPS + "\"><Relationship Id=\"rId1\" "
                + "Type=\"" + DOCUMENT_RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        lastHeader = columnNames[columnNames.length - 1] + "1";
        part("xl/workbook.xml", PROLOG + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOCUMENT_RELATIONSHIPS
                + "\"><sheets><sheet name=\"" + SHEET + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>"
                + "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'" + SHEET
                + "'!$A$1:$" + columnNames[columnNames.length - 1] + "$1</definedName></definedNames></workbook>");
        part("xl/_rels/workbook.xml.rels", PROLOG + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + DOCUMENT_RELATIONSHIPS + "/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + DOCUMENT_RELATIONSHIPS
                + "/styles\" Target=\"styles.xml\"/></Relationships>");
        part("xl/styles.xml", PROLOG + "<styleSheet xmlns=\"" + MAIN + "\"><numFmts count=\"1\"><numFmt "
                + "numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts><fonts count=\"2\"><font>"
                + "<sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/>"
                + "</font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill>"
                + "<patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/>"
                + "<top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" "
                + "fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\" "
                + "fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" "
                + "borderId=\"0\" xfId=\"0\" applyFont=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" "
                + "borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle "
                + "name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");

        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        // Not closed by us: closing it would close the zip stream before its end is written.
        sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        sheet.write(PROLOG + "<worksheet xmlns=\"" + MAIN + "\"><sheetViews><sheetView workbookViewId=\"0\">"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
                + "<cols>");
        for (int i = 0; i < columns.size(); i++) {
            sheet.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + columns.get(i).width()
                    + "\" customWidth=\"1\"/>");
        }
        sheet.write("</cols><sheetData>");
        row(columns.stream().map(RegisterColumns.Column::header).toList(), BOLD);
    }

    /** One letter's row; its values are Strings, LocalDateTimes or null (an empty cell). */
    void row(List<?> values) throws IOException {
        if (nextRow > MAX_ROWS) {
            throw new IllegalStateException("The worksheet is full; the exporter counts the rows first");
        }
        row(values, 0);
    }

    private void row(List<?> values, int style) throws IOException {
        int r = nextRow++;
        sheet.write("<row r=\"");
        sheet.write(Integer.toString(r));
        sheet.write("\">");
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            sheet.write("<c r=\"");
            sheet.write(columnNames[i]);
            sheet.write(Integer.toString(r));
            if (value instanceof LocalDateTime time) {
                sheet.write("\" s=\"" + TIME + "\"><v>");
                sheet.write(Double.toString(excelDate(time)));
                sheet.write("</v></c>");
            } else {
                String text = fitted(value.toString());
                sheet.write(style == 0 ? "\" t=\"inlineStr\"><is><t" : "\" s=\"" + style + "\" t=\"inlineStr\"><is><t");
                // Excel trims a cell's text unless told to keep its spaces; said only where it matters, as it
                // was a quarter of the sheet's bytes.
                sheet.write(needsPreserve(text) ? " xml:space=\"preserve\">" : ">");
                escape(text);
                sheet.write("</t></is></c>");
            }
        }
        sheet.write("</row>");
    }

    /** Ends the sheet and the file; the stream under it stays open. */
    void finish() throws IOException {
        sheet.write("</sheetData><autoFilter ref=\"A1:" + lastHeader + "\"/></worksheet>");
        sheet.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
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

    /** Whether the text has whitespace a reader could drop: at either end, a line break, a tab or a double space. */
    static boolean needsPreserve(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            return true;
        }
        return text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0
                || text.contains("  ");
    }

    /** Days since Excel's day 0, the time of day as the fraction. */
    static double excelDate(LocalDateTime time) {
        long days = ChronoUnit.DAYS.between(EXCEL_EPOCH, time.toLocalDate());
        return days + time.toLocalTime().toNanoOfDay() / 86_400e9;
    }

    /** XML text: the five markup characters escaped, and characters XML 1.0 cannot carry dropped. */
    private void escape(String text) throws IOException {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement;
            if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '&') {
                replacement = "&amp;";
            } else if (c == '\r') {
                replacement = "&#13;"; // a literal CR would be read back as a line feed
            } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF || unpaired(text, i)) {
                replacement = "";
            } else {
                continue;
            }
            sheet.write(text, start, i - start);
            sheet.write(replacement);
            start = i + 1;
        }
        sheet.write(text, start, text.length() - start);
    }

    private static boolean unpaired(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private void part(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A, B, …, Z, AA, AB, … */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
