package org.letterdesk.app;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** GET /api/register/export: CSV and XLSX files of the register, over HTTP against the real application. */
class RegisterExportTest extends ApiTestSupport {

    private static final String HEADER = "序号,收件日期时间,发件人信息,主题,核心诉求,附件清单,分配部门,处理状态,答复时限,"
            + "实际完成时间,备注,渠道,类别,紧急,逾期,信访次数";
    private static final String TRICKY_REMARKS = "来信附\"收据\"复印件,共2页\n另附说明：请尽快处理";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * The letter zone. Shanghai kept daylight saving time in several years of the last century, where this test's
     * years lie, so the local time of a receipt at +08:00 is computed, never assumed.
     */
    @Value("${letterdesk.zone:Asia/Shanghai}")
    ZoneId zone;
    private int year;
    private String range;

    /**
     * Three letters in a year of this test's own, registered out of receipt order: A (serial 1, 2 March) with
     * quotes, a comma and a line break in its remarks; B (serial 2, 1 February) urgent, by e-mail, assigned, with
     * a remark that a spreadsheet would run as a formula; C (serial 3, 10 April) a phoned-in praise. A and C come
     * from a sender of this run alone (信访次数 1 and 2); B from the sender many tests share.
     */
    @BeforeEach
    void threeLetters() {
        year = freshYear();
        range = "from=" + year + "-01-01&to=" + year + "-12-31";

        Map<String, Object> ownSender = Map.of("name", "张三", "address", "上海市浦东新区世纪大道100号",
                "phone", "137" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current()
                        .nextInt(100_000_000)));
        Map<String, Object> a = new HashMap<>(letter(year + "-03-02T10:15:00+08:00"));
        a.put("sender", ownSender);
        a.put("subject", "会员积分未到账，请核实");
        a.put("remarks", TRICKY_REMARKS);
        String letterA = register(a);

        Map<String, Object> b = new HashMap<>(letter(year + "-02-01T09:00:00+08:00"));
        b.put("channel", "EMAIL");
        b.put("category", "CONSULTATION");
        b.put("subject", "发票开具咨询");
        b.put("remarks", "=1+1");
        b.put("urgentReason", "涉及安全风险");
        String letterB = register(b);
        Reply assigned = post("clerk", "/api/letters/" + letterB + "/assignment", Map.of("department", "BUSINESS"));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);

        Map<String, Object> c = new HashMap<>(letter(year + "-04-10T08:30:00+08:00"));
        c.put("channel", "PHONE");
        c.put("category", "PRAISE");
        c.put("subject", "表扬柜台服务");
        c.remove("remarks");
        c.put("sender", ownSender);
        String letterC = register(c);

        awaitLetter("supervisor", letterA, 2);
        awaitLetter("supervisor", letterB, assigned.body().get("version").asLong());
        awaitLetter("supervisor", letterC, 2);
    }

    private LocalDateTime local(String receivedAt) {
        return OffsetDateTime.parse(receivedAt).atZoneSameInstant(zone).toLocalDateTime();
    }

    private String minutes(String receivedAt) {
        return local(receivedAt).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    private String register(Map<String, Object> body) {
        Reply created = post("clerk", "/api/letters", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("letterId").asString();
    }

    @Test
    void csvOpensInExcelWithTheFormsColumnsOldestFirst() {
        Download csv = download("supervisor", "format=csv&" + range);

        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.headers().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(csv.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .matches("attachment; filename=\"register-\\d{8}-\\d{4}\\.csv\"; "
                        + "filename\\*=UTF-8''%E4%BF%A1%E5%87%BD%E7%99%BB%E8%AE%B0%E8%A1%A8-\\d{8}-\\d{4}\\.csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);

        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(HEADER + "\r\n").endsWith("\r\n");
        // The quoted field exactly as RFC 4180 writes it: in quotes, inner quotes doubled, the line break kept.
        assertThat(text).contains("\"来信附\"\"收据\"\"复印件,共2页\n另附说明：请尽快处理\"");

        List<List<String>> records = parse(text);
        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r).hasSize(16));
        assertThat(String.join(",", records.get(0))).isEqualTo(HEADER);
        assertThat(records.subList(1, 4)).extracting(r -> r.get(0))
                .containsExactly(year + "-000002", year + "-000001", year + "-000003");

        List<String> b = records.get(1);
        assertThat(b.get(1)).isEqualTo(minutes(year + "-02-01T09:00:00+08:00"));
        assertThat(b.get(2)).contains("张三").contains("138****8000").doesNotContain("13800138000");
        assertThat(b.get(3)).isEqualTo("发票开具咨询");
        assertThat(b.get(6)).isEqualTo("业务部门");
        assertThat(b.get(7)).isEqualTo("已分配");
        assertThat(b.get(10)).as("formula neutralised").isEqualTo("'=1+1");
        assertThat(b.subList(11, 15)).containsExactly("电子邮件", "事务咨询", "是", "是");
        assertThat(b.get(15)).as("信访次数 of the shared sender").matches("[1-9][0-9]*");

        List<String> a = records.get(2);
        assertThat(a.get(1)).isEqualTo(minutes(year + "-03-02T10:15:00+08:00"));
        assertThat(a.get(3)).isEqualTo("会员积分未到账，请核实");
        assertThat(a.get(4)).isEqualTo("请核实三月份消费积分并补发");
        assertThat(a.get(5)).isEqualTo("receipt.jpg (image/jpeg)");
        assertThat(a.get(6)).isEmpty();
        assertThat(a.get(7)).isEqualTo("已登记");
        assertThat(a.get(8)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(a.get(9)).isEmpty();
        assertThat(a.get(10)).as("round-trips through quoting").isEqualTo(TRICKY_REMARKS);
        // Received decades ago and never answered: overdue, whether or not the scheduler has caught up yet.
        assertThat(a.subList(11, 15)).containsExactly("来函", "投诉", "否", "是");
        assertThat(a.get(15)).as("信访次数: the sender's first letter").isEqualTo("1");

        List<String> c = records.get(3);
        assertThat(c.get(10)).isEmpty();
        assertThat(c.subList(11, 13)).containsExactly("来电", "表扬信");
        assertThat(c.get(15)).as("信访次数: the same sender's second letter").isEqualTo("2");
    }

    @Test
    void csvHonoursTheRegistersFiltersAndSort() {
        Download urgent = download("archivist", "format=CSV&urgent=true&" + range);
        assertThat(urgent.status()).as(urgent.text()).isEqualTo(200);
        List<List<String>> onlyB = parse(urgent.text().substring(1));
        assertThat(onlyB).hasSize(2);
        assertThat(onlyB.get(1).get(0)).isEqualTo(year + "-000002");

        Download newestFirst = download("supervisor", "format=csv&sort=serialNo,desc&" + range);
        assertThat(parse(newestFirst.text().substring(1)).subList(1, 4)).extracting(r -> r.get(0))
                .containsExactly(year + "-000003", year + "-000002", year + "-000001");
    }

    @Test
    void xlsxHasABoldFrozenHeaderChineseTextAndRealTimes() throws IOException {
        Download xlsx = download("auditor", "format=xlsx&" + range);

        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        assertThat(xlsx.headers().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo(XLSX);
        assertThat(xlsx.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .matches("attachment; filename=\"register-\\d{8}-\\d{4}\\.xlsx\"; filename\\*=UTF-8''%E4.*\\.xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheet("信函登记表");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum()).as("header and three letters").isEqualTo(3);

            Row header = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(String.join(",", headers)).isEqualTo(HEADER);
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(2)).as("sender column is wide").isGreaterThan(20 * 256);

            DataFormatter shown = new DataFormatter();
            Row b = sheet.getRow(1);
            assertThat(b.getCell(0).getStringCellValue()).isEqualTo(year + "-000002");
            assertThat(b.getCell(1).getLocalDateTimeCellValue()).isEqualTo(local(year + "-02-01T09:00:00+08:00"));
            assertThat(shown.formatCellValue(b.getCell(1))).isEqualTo(minutes(year + "-02-01T09:00:00+08:00"));
            assertThat(b.getCell(6).getStringCellValue()).isEqualTo("业务部门");
            // A typed text cell is never evaluated, so the remark stays exactly as the sender wrote it.
            Cell formulaLike = b.getCell(10);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=1+1");
            assertThat(b.getCell(13).getStringCellValue()).isEqualTo("是");

            Row a = sheet.getRow(2);
            assertThat(a.getCell(2).getStringCellValue()).contains("张三").contains("上海市浦东新****")
                    .doesNotContain("世纪大道");
            assertThat(a.getCell(3).getStringCellValue()).isEqualTo("会员积分未到账，请核实");
            assertThat(a.getCell(7).getStringCellValue()).isEqualTo("已登记");
            assertThat(a.getCell(9)).as("no completion yet: empty cell").isNull();
            assertThat(a.getCell(10).getStringCellValue()).isEqualTo(TRICKY_REMARKS);
            assertThat(a.getCell(12).getStringCellValue()).isEqualTo("投诉");

            assertThat(a.getCell(15).getStringCellValue()).isEqualTo("1");

            assertThat(sheet.getRow(3).getCell(11).getStringCellValue()).isEqualTo("来电");
            assertThat(sheet.getRow(3).getCell(15).getStringCellValue()).isEqualTo("2");
        }
    }

    @Test
    void onlySupervisorsAuditorsAndArchivistsExport() {
        assertThat(download("clerk", "format=csv&" + range).status()).isEqualTo(403);
        assertThat(download("handler", "format=xlsx&" + range).status()).isEqualTo(403);
        Download anonymous = http.get().uri("/api/register/export?format=csv")
                .exchange((request, response) -> new Download(response.getStatusCode().value(),
                        response.getHeaders(), response.getBody().readAllBytes()));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(download("clerk", "format=csv").json(json).get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anUnknownFormatOrSortIsAFieldErrorNotAFile() {
        Download pdf = download("supervisor", "format=pdf&" + range);
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.headers().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(pdf.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        assertThat(pdf.json(json).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(pdf.json(json).get("errors").findValuesAsString("field")).containsExactly("format");

        Download missing = download("supervisor", range);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json(json).get("errors").findValuesAsString("field")).containsExactly("format");

        Download badSort = download("supervisor", "format=csv&sort=sender&" + range);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json(json).get("errors").findValuesAsString("field")).containsExactly("sort");

        Download badStatus = download("supervisor", "format=csv&status=LOST&" + range);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json(json).get("errors").findValuesAsString("field")).containsExactly("status");

        Download badDate = download("supervisor", "format=xlsx&from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        assertThat(badDate.json(json).get("errors").findValuesAsString("field")).containsExactly("from");
    }

    record Download(int status, HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        tools.jackson.databind.JsonNode json(tools.jackson.databind.json.JsonMapper mapper) {
            return mapper.readTree(body);
        }
    }

    private Download download(String user, String query) {
        return http.get().uri("/api/register/export?" + query).header(HttpHeaders.AUTHORIZATION, basic(user))
                .exchange((request, response) -> new Download(response.getStatusCode().value(),
                        response.getHeaders(), response.getBody().readAllBytes()));
    }

    /** A strict RFC 4180 reader: CRLF between records, quotes only around whole fields, no bare CR or LF. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                } else if (c == '"') {
                    inQuotes = false;
                    i++;
                } else {
                    field.append(c);
                    i++;
                }
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    fail("quote inside an unquoted field at " + i);
                }
                inQuotes = true;
                wasQuoted = true;
                i++;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                i += 2;
            } else if (c == '\r' || c == '\n') {
                fail("bare line break outside quotes at " + i);
            } else {
                if (wasQuoted) {
                    fail("text after a closing quote at " + i);
                }
                field.append(c);
                i++;
            }
        }
        assertThat(inQuotes).as("unterminated quote").isFalse();
        assertThat(record).as("last record ends with CRLF").isEmpty();
        assertThat(field).isEmpty();
        return records;
    }
}
