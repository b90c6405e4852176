package org.letterdesk.app;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sender files over HTTP: matching at registration, masking in every ordinary read, the recorded clear read and
 * the auditors' access list, contact updates and merging.
 */
@ExtendWith(OutputCaptureExtension.class)
class SenderFileTest extends ApiTestSupport {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** A mobile number no other test uses. */
    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A resident ID number with a valid check digit, unique to the call. */
    static String idNumber() {
        String body = "110105" + (1950 + ThreadLocalRandom.current().nextInt(50)) + "0101"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static Map<String, Object> letterFrom(int year, Map<String, Object> sender) {
        Map<String, Object> body = new HashMap<>(letter(year + "-04-01T10:00:00+08:00"));
        body.put("sender", sender);
        return body;
    }

    @Test
    void registrationsOfOnePersonMatchOneFileByPhoneEmailOrIdNumber() {
        int year = freshYear();
        String phone = phone();
        String email = "wang." + phone + "@Example.com";
        String id = idNumber();
        JsonNode first = created(post("clerk", "/api/letters", letterFrom(year, Map.of("name", "王五",
                "phone", "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + " " + phone.substring(7)))))
                .body();
        String senderId = first.get("senderId").asString();
        assertThat(first.get("repeatCount").asInt()).isZero();

        JsonNode byPhone = created(post("clerk", "/api/letters", letterFrom(year,
                Map.of("name", "王五", "phone", phone, "email", email)))).body();
        assertThat(byPhone.get("senderId").asString()).isEqualTo(senderId);
        assertThat(byPhone.get("repeatCount").asInt()).isEqualTo(1);

        JsonNode byEmail = created(post("clerk", "/api/letters", letterFrom(year,
                Map.of("name", "王五", "email", email.toUpperCase(), "idNumber", id)))).body();
        assertThat(byEmail.get("senderId").asString()).isEqualTo(senderId);
        assertThat(byEmail.get("repeatCount").asInt()).isEqualTo(2);

        JsonNode byId = created(post("clerk", "/api/letters", letterFrom(year,
                Map.of("name", "王五", "idNumber", id.toLowerCase())))).body();
        assertThat(byId.get("senderId").asString()).isEqualTo(senderId);
        assertThat(byId.get("repeatCount").asInt()).isEqualTo(3);

        JsonNode stranger = created(post("clerk", "/api/letters", letterFrom(year,
                Map.of("name", "王五", "phone", phone())))).body();
        assertThat(stranger.get("senderId").asString()).isNotEqualTo(senderId);
        assertThat(stranger.get("repeatCount").asInt()).isZero();

        JsonNode view = awaitLetter("clerk", byId.get("letterId").asString(), byId.get("version").asLong());
        assertThat(view.get("senderId").asString()).isEqualTo(senderId);
        assertThat(view.get("repeatCount").asInt()).isEqualTo(3);
        awaitUntil(() -> ok(get("clerk", "/api/senders/" + senderId)).body().get("letterCount").asInt() == 4);
        JsonNode file = ok(get("clerk", "/api/senders/" + senderId)).body();
        assertThat(file.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(file.get("letters")).hasSize(4);
        JsonNode row = ok(get("clerk", "/api/register?from=" + year + "-04-01&to=" + year + "-04-01&size=100"))
                .body().get("items");
        assertThat(row.findValuesAsString("senderId")).contains(senderId);
        assertThat(row.findValues("repeatCount").stream().map(JsonNode::asInt)).contains(0, 1, 2, 3);
    }

    @Test
    void theRegistrationFormLooksUpTheFileARegistrationWouldCountIn() {
        int year = freshYear();
        String phone = phone();
        String email = "li." + phone + "@example.com";
        assertThat(ok(post("clerk", "/api/senders/match", Map.of("phone", phone))).body().get("repeatCount").asInt())
                .isZero();
        assertThat(ok(post("clerk", "/api/senders/match", Map.of("phone", phone))).body().get("senderId").isNull())
                .isTrue();
        String senderId = created(post("clerk", "/api/letters", letterFrom(year,
                Map.of("name", "李四", "phone", phone, "email", email)))).body().get("senderId").asString();
        created(post("clerk", "/api/letters", letterFrom(year, Map.of("name", "李四", "phone", phone))));

        // Synchronous with registration (the command side's own index), in the forms registration accepts.
        for (Map<String, String> typed : List.of(Map.of("phone", "+86 " + phone), Map.of("email", email.toUpperCase()),
                Map.of("phone", phone(), "email", email))) {
            JsonNode match = ok(post("clerk", "/api/senders/match", typed)).body();
            assertThat(match.get("senderId").asString()).as("%s", typed).isEqualTo(senderId);
            assertThat(match.get("repeatCount").asInt()).as("%s", typed).isEqualTo(2);
        }
        Reply empty = post("clerk", "/api/senders/match", Map.of("phone", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("handler", "/api/senders/match", Map.of("phone", phone)).status()).isEqualTo(403);
        // A lookup is not a clear read: it records nothing.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_access WHERE sender_id = ?", Long.class,
                senderId)).isZero();
    }

    @Test
    void collectiveLettersRecordPeopleAndRepresentative() {
        int year = freshYear();
        Map<String, Object> body = letterFrom(year, Map.of("name", "业主委员会", "phone", phone()));
        body.put("collective", Map.of("people", 37, "representative", "李明"));
        JsonNode letter = created(post("clerk", "/api/letters", body)).body();
        JsonNode view = awaitLetter("clerk", letter.get("letterId").asString(), letter.get("version").asLong());
        assertThat(view.at("/collective/people").asInt()).isEqualTo(37);
        assertThat(view.at("/collective/representative").asString()).isEqualTo("李明");

        body.put("collective", Map.of("people", 1, "representative", " "));
        Reply refused = post("clerk", "/api/letters", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsString("field"))
                .contains("collective.people", "collective.representative");
    }

    @Test
    void anIdNumberWithAWrongCheckDigitIsRefusedWithoutRepeatingIt() {
        String id = idNumber();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");
        Reply refused = post("clerk", "/api/letters", letterFrom(freshYear(),
                Map.of("name", "赵六", "idNumber", wrong)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsString("field")).contains("sender.idNumber");
        assertThat(refused.text()).doesNotContain(wrong);
    }

    /**
     * The masking proof: a letter with distinctive personal data, then every ordinary read that shows it, and the
     * application log, searched for the clear values.
     */
    @Test
    void noOrdinaryReadAndNoLogLineHoldsAClearPersonalValue(CapturedOutput output) throws Exception {
        int year = freshYear();
        String phone = phone();
        String email = "m" + phone + "@masking-proof.example";
        String address = "浙江省杭州市西湖区掩码验证路" + phone.substring(7) + "号";
        String id = idNumber();
        List<String> clear = List.of(phone, email, address, id, phone.substring(3), email.substring(1, 12),
                "掩码验证路");
        JsonNode letter = created(post("clerk", "/api/letters", letterFrom(year, Map.of("name", "钱七",
                "phone", phone, "email", email, "address", address, "idNumber", id)))).body();
        String letterId = letter.get("letterId").asString();
        String senderId = letter.get("senderId").asString();
        ok(post("clerk", "/api/letters/" + letterId + "/assignment", Map.of("department", "BUSINESS",
                "assignee", "handler")));
        JsonNode dispute = ok(post("handler", "/api/letters/" + letterId + "/disputes", Map.of("points", "积分",
                "senderView", "应补发", "organizationView", "核实中"))).body();
        awaitLetter("clerk", letterId, dispute.get("version").asLong());
        awaitUntil(() -> get("clerk", "/api/senders/" + senderId).status() == 200);
        // A clear read happens too: it must not leak into the log or any other read.
        ok(get("handler", "/api/letters/" + letterId + "/sender?reason=" + "回电核实"));

        Map<String, String> reads = new LinkedHashMap<>();
        String day = year + "-04-01";
        reads.put("GET /api/letters/{id}", get("clerk", "/api/letters/" + letterId).text());
        reads.put("GET /api/register", get("clerk", "/api/register?from=" + day + "&to=" + day).text());
        reads.put("GET /api/register?q=", get("clerk", "/api/register?q=" + phone.substring(0, 3)).text());
        reads.put("GET /api/register/export?format=csv", download("format=csv&from=" + day + "&to=" + day));
        reads.put("GET /api/register/export?format=xlsx", xlsxText("format=xlsx&from=" + day + "&to=" + day));
        reads.put("GET /api/worklist", get("handler", "/api/worklist?assignee=handler").text());
        reads.put("GET /api/disputes", get("clerk", "/api/disputes?size=200").text());
        reads.put("GET /api/letters/{id}/history", get("auditor", "/api/letters/" + letterId + "/history").text());
        reads.put("GET /api/letters/{id}/state?asOf=", get("auditor", "/api/letters/" + letterId
                + "/state?asOf=" + java.time.OffsetDateTime.now().plusMinutes(1).withNano(0)).text());
        reads.put("GET /api/letters/{id}/timeline", get("clerk", "/api/letters/" + letterId + "/timeline").text());
        reads.put("GET /api/senders", get("clerk", "/api/senders?q=钱七&size=200").text());
        reads.put("GET /api/senders/{id}", get("clerk", "/api/senders/" + senderId).text());
        reads.put("GET /api/audit/personal-data-access", get("auditor",
                "/api/audit/personal-data-access?letterId=" + letterId).text());
        reads.put("POST /api/letters (400 problem detail)", post("clerk", "/api/letters", letterFrom(year,
                Map.of("name", "钱七", "phone", phone + "x", "email", email + " bad", "idNumber",
                        id.substring(0, 17) + "Z", "address", address))).text());
        reads.put("PUT /api/senders/{id}/contact (400 problem detail)", exchange("clerk", "PUT",
                "/api/senders/" + senderId + "/contact", Map.of("phone", phone, "email", email + " bad"),
                Map.of()).text());
        reads.put("application log", output.getAll());

        Map<String, Integer> hits = new LinkedHashMap<>();
        reads.forEach((read, text) -> hits.put(read,
                (int) clear.stream().filter(text::contains).count()));
        System.out.println("masking proof: " + hits.size() + " reads, hits " + hits);
        assertThat(reads.get("GET /api/letters/{id}")).contains(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(hits).allSatisfy((read, count) -> assertThat(count).as(read).isZero());
    }

    @Test
    void theClearReadNeedsAReasonAndIsRecordedForAuditors() {
        int year = freshYear();
        String phone = phone();
        JsonNode letter = created(post("clerk", "/api/letters", letterFrom(year,
                Map.of("name", "孙八", "phone", phone, "email", "sun@example.com")))).body();
        String letterId = letter.get("letterId").asString();
        String senderId = letter.get("senderId").asString();

        assertThat(get("handler", "/api/letters/" + letterId + "/sender").status()).isEqualTo(400);
        assertThat(get("handler", "/api/letters/" + letterId + "/sender?reason=").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(get("auditor", "/api/letters/" + letterId + "/sender?reason=x").status()).isEqualTo(403);
        assertThat(get("handler", "/api/letters/" + java.util.UUID.randomUUID() + "/sender?reason=x").status())
                .isEqualTo(404);

        Reply clear = ok(get("handler", "/api/letters/" + letterId + "/sender?reason=回电确认地址"));
        assertThat(clear.body().at("/sender/phone").asString()).isEqualTo(phone);
        assertThat(clear.body().get("senderId").asString()).isEqualTo(senderId);
        assertThat(clear.headers().getCacheControl()).contains("no-store");
        ok(get("legal", "/api/letters/" + letterId + "/sender?reason=诉讼材料"));

        awaitUntil(() -> ok(get("auditor", "/api/audit/personal-data-access?letterId=" + letterId)).body()
                .get("total").asInt() == 2);
        JsonNode list = ok(get("auditor", "/api/audit/personal-data-access?letterId=" + letterId
                + "&user=handler")).body();
        System.out.println("access list sample: " + list);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode item = list.get("items").get(0);
        assertThat(item.get("user").asString()).isEqualTo("handler");
        assertThat(item.get("role").asString()).isEqualTo("HANDLER");
        assertThat(item.get("senderId").asString()).isEqualTo(senderId);
        assertThat(item.get("reason").asString()).isEqualTo("回电确认地址");
        assertThat(ok(get("auditor", "/api/audit/personal-data-access?senderId=" + senderId + "&from="
                + java.time.LocalDate.now().minusDays(1))).body().get("total").asInt()).isEqualTo(2);
        assertThat(ok(get("auditor", "/api/audit/personal-data-access?senderId=" + senderId + "&to=2000-01-01"))
                .body().get("total").asInt()).isZero();
        assertThat(get("clerk", "/api/audit/personal-data-access").status()).isEqualTo(403);

        JsonNode history = ok(get("auditor", "/api/letters/" + letterId + "/history")).body();
        assertThat(history.findValuesAsString("type")).contains("PersonalDataViewed");

        assertThat(get(null, "/v3/api-docs").text()).contains("/api/letters/{id}/sender", "/api/senders/{senderId}",
                "/api/senders/{senderId}/erasure", "/api/audit/personal-data-access/unusual");

        JsonNode unusual = ok(get("auditor", "/api/audit/personal-data-access/unusual?threshold=0&from="
                + java.time.LocalDate.now().minusDays(1))).body();
        assertThat(unusual.get("items").findValuesAsString("user")).contains("handler", "legal");
    }

    @Test
    void contactUpdatesAndMergesKeepBothHistories() {
        int year = freshYear();
        String phoneA = phone();
        String phoneB = phone();
        JsonNode a = created(post("clerk", "/api/letters", letterFrom(year, Map.of("name", "周九", "phone", phoneA))))
                .body();
        JsonNode b = created(post("clerk", "/api/letters", letterFrom(year, Map.of("name", "周九", "phone", phoneB))))
                .body();
        String fileA = a.get("senderId").asString();
        String fileB = b.get("senderId").asString();
        assertThat(fileA).isNotEqualTo(fileB);

        String newPhone = phone();
        assertThat(exchange("clerk", "PUT", "/api/senders/" + fileA + "/contact",
                Map.of("phone", newPhone), Map.of()).status()).isEqualTo(400); // verifiedBy missing
        assertThat(exchange("clerk", "PUT", "/api/senders/" + java.util.UUID.randomUUID() + "/contact",
                Map.of("phone", newPhone, "verifiedBy", "PHONE"), Map.of()).status()).isEqualTo(404);
        ok(exchange("clerk", "PUT", "/api/senders/" + fileA + "/contact",
                Map.of("phone", newPhone, "verifiedBy", "PHONE"), Map.of()));
        // The updated phone now finds the file too.
        JsonNode c = created(post("clerk", "/api/letters", letterFrom(year, Map.of("name", "周九", "phone",
                newPhone)))).body();
        assertThat(c.get("senderId").asString()).isEqualTo(fileA);

        Reply self = post("supervisor", "/api/senders/" + fileA + "/merge", Map.of("otherSenderId", fileA));
        assertThat(self.status()).isEqualTo(409);
        assertThat(post("clerk", "/api/senders/" + fileA + "/merge", Map.of("otherSenderId", fileB)).status())
                .isEqualTo(403);
        ok(post("supervisor", "/api/senders/" + fileA + "/merge", Map.of("otherSenderId", fileB)));
        assertThat(post("supervisor", "/api/senders/" + fileA + "/merge", Map.of("otherSenderId", fileB)).status())
                .isEqualTo(409);

        // B's phone now finds A; both files keep their history.
        JsonNode d = created(post("clerk", "/api/letters", letterFrom(year, Map.of("name", "周九", "phone",
                phoneB)))).body();
        assertThat(d.get("senderId").asString()).isEqualTo(fileA);
        assertThat(d.get("repeatCount").asInt()).isEqualTo(3);
        awaitUntil(() -> ok(get("clerk", "/api/senders/" + fileA)).body().get("letterCount").asInt() == 4);
        assertThat(ok(get("clerk", "/api/senders/" + fileB)).body().get("mergedInto").asString()).isEqualTo(fileA);
        assertThat(ok(get("clerk", "/api/senders/" + fileA)).body().get("phone").asString())
                .isEqualTo(newPhone.substring(0, 3) + "****" + newPhone.substring(7));
        List<String> types = jdbc.queryForList("SELECT payload_type FROM domain_event_entry "
                + "WHERE aggregate_identifier IN (?, ?) ORDER BY global_index", String.class, fileA, fileB);
        assertThat(types).extracting(t -> t.substring(t.lastIndexOf('.') + 1)).containsExactly("SenderFileOpened",
                "SenderFileOpened", "SenderContactUpdated", "SenderFilesMerged", "SenderFileMergedInto");
    }

    private String download(String query) {
        return http.get().uri("/api/register/export?" + query).header(HttpHeaders.AUTHORIZATION, basic("supervisor"))
                .exchange((request, response) -> new String(response.getBody().readAllBytes(),
                        StandardCharsets.UTF_8));
    }

    /** Every cell of the workbook as text (the file itself is compressed, so searching its bytes proves nothing). */
    private String xlsxText(String query) throws Exception {
        byte[] bytes = http.get().uri("/api/register/export?" + query)
                .header(HttpHeaders.AUTHORIZATION, basic("supervisor"))
                .exchange((request, response) -> response.getBody().readAllBytes());
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    text.append(cell.toString()).append('\t');
                }
            }
        }
        assertThat(text).contains("钱七");
        return text.toString();
    }
}
