package org.letterdesk.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/register: every filter, sort and paging, over HTTP against the real application. */
class RegisterQueryTest extends ApiTestSupport {

    private int year;
    private String range;
    /** Serial numbers by letter: registered in the order L2, L4, L1, L3, so serial order ≠ receipt order. */
    private String l1;
    private String l2;
    private String l3;
    private String l4;

    @BeforeEach
    void fourLettersOfOneYear() {
        year = freshYear();
        range = "from=" + year + "-01-01&to=" + year + "-12-31";

        String id2 = register(year + "-02-20T14:30:00+08:00", "EMAIL", "CONSULTATION", "发票开具咨询",
                "如何开具电子发票", Map.of("name", "李四", "organization", "星河贸易有限公司", "phone", "13900000002",
                        "email", "li.si@example.com"), "涉及安全风险");
        String id4 = register(year + "-03-28T16:45:00+08:00", "VISIT", "COMPLAINT", "服务态度投诉",
                "柜台人员态度恶劣", Map.of("name", "赵六", "organization", "Acme Corp", "phone", "13900000004"),
                null);
        String id1 = register(year + "-01-15T09:00:00+08:00", "LETTER", "COMPLAINT", "会员积分未到账",
                "请核实三月份消费积分并补发", Map.of("name", "张三", "phone", "13900000001"), null);
        String id3 = register(year + "-03-05T08:00:00+08:00", "PHONE", "SUGGESTION", "营业时间建议",
                "建议周末延长营业时间", Map.of("name", "王五", "phone", "13900000003"), null);
        l2 = year + "-000001";
        l4 = year + "-000002";
        l1 = year + "-000003";
        l3 = year + "-000004";

        assign(id1, "CUSTOMER_SERVICE");
        assign(id2, "BUSINESS");
        assign(id4, "BUSINESS");
        awaitLetter("supervisor", id3, 2);
    }

    private String register(String receivedAt, String channel, String category, String subject, String coreRequest,
                            Map<String, Object> sender, String urgentReason) {
        Map<String, Object> body = new HashMap<>(letter(receivedAt));
        body.put("channel", channel);
        body.put("category", category);
        body.put("subject", subject);
        body.put("coreRequest", coreRequest);
        body.put("sender", sender);
        if (urgentReason != null) {
            body.put("urgentReason", urgentReason);
        }
        Reply created = post("clerk", "/api/letters", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("letterId").asString();
    }

    private void assign(String letterId, String department) {
        Reply assigned = post("clerk", "/api/letters/" + letterId + "/assignment", Map.of("department", department));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        awaitLetter("supervisor", letterId, assigned.body().get("version").asLong());
    }

    /** The serial numbers of one page, in order, within this test's year; the total must match them. */
    private List<String> serials(String query) {
        return serialsIn(range + (query.isEmpty() ? "" : "&" + query));
    }

    private JsonNode page(String query) {
        return pageOf(range + (query.isEmpty() ? "" : "&" + query));
    }

    private JsonNode pageOf(String query) {
        Reply reply = get("handler", "/api/register?" + query);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

    /** Like {@link #serials}, with a date range of the caller's choosing. */
    private List<String> serialsIn(String query) {
        List<String> serials = new ArrayList<>();
        JsonNode page = pageOf(query);
        page.get("items").forEach(item -> serials.add(item.get("serialNo").asString()));
        assertThat(page.get("total").asLong()).as("total of " + query).isEqualTo(serials.size());
        return serials;
    }

    @Test
    void theYearNewestFirstByDefault() {
        assertThat(serials("")).containsExactly(l4, l3, l2, l1);
        JsonNode l2Row = page("channel=EMAIL").get("items").get(0);
        assertThat(l2Row.get("department").asString()).isEqualTo("BUSINESS");
        assertThat(l2Row.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(l2Row.get("urgent").asBoolean()).isTrue();
        // Compared as instants: in the daylight-saving years Shanghai once had, the offset shown is +09:00.
        assertThat(OffsetDateTime.parse(l2Row.get("receivedAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(year + "-02-20T14:30:00+08:00").toInstant());
    }

    @Test
    void filtersByStatusDepartmentChannelCategoryAndUrgency() {
        assertThat(serials("status=RECEIVED")).containsExactly(l3);
        assertThat(serials("status=ASSIGNED&sort=receivedAt,asc")).containsExactly(l1, l2, l4);
        assertThat(serials("department=BUSINESS&sort=receivedAt,asc")).containsExactly(l2, l4);
        assertThat(serials("department=CUSTOMER_SERVICE")).containsExactly(l1);
        assertThat(serials("department=ADMINISTRATION")).isEmpty();
        assertThat(serials("channel=EMAIL")).containsExactly(l2);
        assertThat(serials("channel=PHONE")).containsExactly(l3);
        assertThat(serials("category=COMPLAINT&sort=receivedAt,asc")).containsExactly(l1, l4);
        assertThat(serials("urgent=true")).containsExactly(l2);
        assertThat(serials("urgent=false&sort=receivedAt,asc")).containsExactly(l1, l3, l4);
        assertThat(serials("department=BUSINESS&category=COMPLAINT")).containsExactly(l4);
    }

    @Test
    void overdueMeansMissedOrUnansweredPastTheReplyDeadline() {
        // Received decades ago and never answered: all four are overdue.
        assertThat(serials("overdue=true")).hasSize(4);
        assertThat(serials("overdue=false")).isEmpty();

        // A letter received just now is not, whichever year it falls in; a unique subject isolates it.
        String token = "overdue-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1)
                .withNano(0).toString()));
        body.put("subject", token);
        Reply created = post("clerk", "/api/letters", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        awaitLetter("supervisor", created.body().get("letterId").asString(), created.body().get("version").asLong());
        String serial = created.body().get("serialNo").asString();

        assertThat(get("handler", "/api/register?overdue=false&q=" + token).body().get("items")
                .findValuesAsString("serialNo")).containsExactly(serial);
        assertThat(get("handler", "/api/register?overdue=true&q=" + token).body().get("total").asLong()).isZero();
    }

    @Test
    void qSearchesSubjectCoreRequestAndSenderIgnoringCase() {
        assertThat(serials("q=积分")).containsExactly(l1);            // subject and core request
        assertThat(serials("q=延长营业")).containsExactly(l3);         // core request only
        assertThat(serials("q=星河")).containsExactly(l2);            // sender's organisation
        assertThat(serials("q=139****0004")).containsExactly(l4);     // sender's phone, as the register shows it
        // The clear phone is not in the register at all, so it cannot be used to probe who wrote.
        assertThat(serials("q=13900000004")).isEmpty();
        assertThat(serials("q=acme")).containsExactly(l4);            // case-insensitive
        assertThat(serials("q=%")).as("% is literal, not a wildcard").isEmpty();
        assertThat(serials("q=_")).as("_ is literal, not a wildcard").isEmpty();
        assertThat(serials("q=投诉&category=COMPLAINT")).containsExactly(l4);
    }

    @Test
    void fromAndToTakeDatesInclusiveOrInstants() {
        String march = "from=" + year + "-03-01&to=" + year + "-03-31&sort=receivedAt,asc";
        assertThat(serialsIn(march)).containsExactly(l3, l4);
        // A date "to" includes that whole day (L1 came at 09:00 on 15 January).
        assertThat(serialsIn("from=" + year + "-01-01&to=" + year + "-01-15")).containsExactly(l1);
        assertThat(serialsIn("from=" + year + "-01-16&to=" + year + "-02-20")).containsExactly(l2);
        // Instants: "from" inclusive, "to" exclusive. L4 came at 16:45+08:00 = 08:45Z on 28 March.
        assertThat(serialsIn("from=" + year + "-03-28T08:45:00Z&to=" + year + "-12-31")).containsExactly(l4);
        assertThat(serialsIn("from=" + year + "-03-01&to=" + year + "-03-28T08:45:00Z")).containsExactly(l3);
    }

    @Test
    void sortsByAllowedFieldsWithSerialAsTieBreaker() {
        assertThat(serials("sort=receivedAt,asc")).containsExactly(l1, l2, l3, l4);
        assertThat(serials("sort=receivedAt")).containsExactly(l1, l2, l3, l4);
        assertThat(serials("sort=serialNo,asc")).containsExactly(l2, l4, l1, l3);
        assertThat(serials("sort=serialNo,desc")).containsExactly(l3, l1, l4, l2);
        // Same status for three letters: ties fall back to serial number order.
        assertThat(serials("sort=status,asc")).containsExactly(l2, l4, l1, l3);
        // Urgent letters first.
        assertThat(serials("sort=urgent,desc").get(0)).isEqualTo(l2);
    }

    @Test
    void pagesCarryTheTotalAndTheirSize() {
        JsonNode first = page("sort=receivedAt,asc&size=3&page=0");
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("items").findValuesAsString("serialNo")).containsExactly(l1, l2, l3);

        JsonNode second = page("sort=receivedAt,asc&size=3&page=1");
        assertThat(second.get("total").asLong()).isEqualTo(4);
        assertThat(second.get("items").findValuesAsString("serialNo")).containsExactly(l4);

        JsonNode beyond = page("size=3&page=5");
        assertThat(beyond.get("total").asLong()).isEqualTo(4);
        assertThat(beyond.get("items")).isEmpty();
    }

    @Test
    void badParametersAreFieldErrors() {
        assertFieldError("sort=subject", "sort");
        assertFieldError("sort=receivedAt,asc,again", "sort");
        assertFieldError("size=201", "size");
        assertFieldError("size=0", "size");
        assertFieldError("page=-1", "page");
        assertFieldError("from=yesterday", "from");
        assertFieldError("to=2026-13-01", "to");
        assertFieldError("status=LOST", "status");
        assertFieldError("urgent=maybe", "urgent");
        assertFieldError("department=FINANCE", "department");
    }

    private void assertFieldError(String query, String field) {
        Reply reply = get("handler", "/api/register?" + query);
        assertThat(reply.status()).as(query + ": " + reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().get("errors").findValuesAsString("field")).as(query).containsExactly(field);
    }

    @Test
    void anyStaffRoleReadsTheRegisterButNotAnonymously() {
        assertThat(get("clerk", "/api/register?" + range).status()).isEqualTo(200);
        assertThat(get("archivist", "/api/register?" + range).status()).isEqualTo(200);
        assertThat(get(null, "/api/register?" + range).status()).isEqualTo(401);
    }
}
