package org.letterdesk.query.register;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed workbook as a spreadsheet reader (POI's full XSSF model) sees it. */
class RegisterXlsxWriterTest {

    private static final List<RegisterColumns.Column> COLUMNS = List.of(
            new RegisterColumns.Column("序号", 14, (entry, now) -> null),
            new RegisterColumns.Column("收件日期时间", 18, (entry, now) -> null),
            new RegisterColumns.Column("备注", 40, (entry, now) -> null));

    @Test
    void textThatIsMarkupOrControlCharactersComesBackAsWritten() throws IOException {
        String markup = "<b>&amp;</b> \"引号\" 'x' =1+1";
        String lines = "第一行\r\n第二行\n\t缩进";
        String outsideTheBmp = "𠀀 😀 末";
        XSSFSheet sheet = sheet(List.of(
                Arrays.asList("2026-000001", LocalDateTime.of(2026, 2, 1, 9, 0), markup),
                Arrays.asList("2026-000002", null, lines),
                Arrays.asList("2026-000003", LocalDateTime.of(2026, 12, 31, 23, 59, 59), "响铃\u0007与\u0000空字符"),
                Arrays.asList("2026-000004", null, outsideTheBmp + "\uD800")));

        assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(markup);
        assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.STRING);
        assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo(lines);
        assertThat(sheet.getRow(2).getCell(1)).as("null is an empty cell").isNull();
        assertThat(sheet.getRow(3).getCell(2).getStringCellValue())
                .as("characters XML cannot carry are dropped").isEqualTo("响铃与空字符");
        assertThat(sheet.getRow(4).getCell(2).getStringCellValue())
                .as("pairs kept, an unpaired surrogate dropped").isEqualTo(outsideTheBmp);
    }

    @Test
    void timesAreDateCellsShownToTheMinute() throws IOException {
        LocalDateTime nine = LocalDateTime.of(2026, 2, 1, 9, 0);
        LocalDateTime lastSecond = LocalDateTime.of(2026, 12, 31, 23, 59, 59);
        XSSFSheet sheet = sheet(List.of(Arrays.asList("a", nine, "x"), Arrays.asList("b", lastSecond, "y")));

        assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue()).isEqualTo(nine);
        assertThat(sheet.getRow(2).getCell(1).getLocalDateTimeCellValue()).isEqualTo(lastSecond);
        assertThat(new DataFormatter().formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("2026-02-01 09:00");
    }

    @Test
    void theHeaderIsBoldFrozenAndFilteredAndTheColumnsKeepTheirWidths() throws IOException {
        XSSFSheet sheet = sheet(List.of(Arrays.asList("2026-000001", null, "备注")));
        XSSFRow header = sheet.getRow(0);

        assertThat(header.getCell(0).getStringCellValue()).isEqualTo("序号");
        assertThat(sheet.getWorkbook().getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C1");
        assertThat(sheet.getColumnWidth(2)).isEqualTo(40 * 256);
        assertThat(sheet.getLastRowNum()).isEqualTo(1);
    }

    @Test
    void aCellLongerThanExcelTakesIsCutAndMarkedWithoutSplittingACharacter() throws IOException {
        String longText = "档".repeat(RegisterXlsxWriter.MAX_CELL_CHARS - RegisterXlsxWriter.CUT.length() - 1)
                + "😀" + "尾".repeat(100);
        String cell = sheet(List.of(Arrays.asList("a", null, longText))).getRow(1).getCell(2).getStringCellValue();

        assertThat(cell).hasSizeLessThanOrEqualTo(RegisterXlsxWriter.MAX_CELL_CHARS).endsWith(RegisterXlsxWriter.CUT)
                .doesNotContain("尾");
        assertThat(Character.isHighSurrogate(cell.charAt(cell.length() - RegisterXlsxWriter.CUT.length() - 1)))
                .isFalse();
    }

    @Test
    void spacesAReaderCouldDropAreMarkedToBeKept() throws IOException {
        assertThat(List.of(" 前有空格", "后有空格 ", "两行\n文字", "制表\t符", "两个  空格", "\r"))
                .allMatch(RegisterXlsxWriter::needsPreserve);
        assertThat(List.of("", "普通文字", "一个 空格", "a b")).noneMatch(RegisterXlsxWriter::needsPreserve);
        XSSFSheet sheet = sheet(List.of(List.of("1", " 前后有空格 ", "普通文字")));
        assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(" 前后有空格 ");
        assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("普通文字");
    }

    @Test
    void columnsAreNamedAsSpreadsheetsNameThem() {
        assertThat(List.of(0, 25, 26, 27, 51, 52, 701, 702).stream().map(RegisterXlsxWriter::columnName))
                .containsExactly("A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA");
    }

    private static XSSFSheet sheet(List<List<?>> rows) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        RegisterXlsxWriter writer = new RegisterXlsxWriter(COLUMNS, file);
        for (List<?> row : rows) {
            writer.row(row);
        }
        writer.finish();
        XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.toByteArray()));
        assertThat(workbook.getSheetName(0)).isEqualTo(RegisterXlsxWriter.SHEET);
        return workbook.getSheetAt(0);
    }
}
