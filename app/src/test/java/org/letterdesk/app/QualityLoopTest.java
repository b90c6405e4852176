package org.letterdesk.app;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.quality.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality loop over HTTP on a simulated clock in a month of its own (no other test's letters fall in it): a reply commitment made, missed, supervised (督办) from level 1 to level 2 by its reminder (催办),
 * fulfilled late; a dissatisfied follow-up supervised and resolved; and the month's analysis with every figure of
 * the loop.
 *
 * <p>The deadline scheduler runs on real time, so the deadlines of this past month fire as soon as they are
 * scheduled (as in the quality analysis test). Here only a missed COMMITMENT opens supervision (a property), so the
 * intake deadlines that fire at once leave no supervision behind and the walk is about the commitment.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "letterdesk.supervision.deadline-kinds=COMMITMENT")
class QualityLoopTest extends ApiTestSupport {

    private static final MutableClock CLOCK = new MutableClock();
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {
        @Bean
        @Primary
        Clock simulatedClock() {
            return CLOCK;
        }
    }

    /**
     * The first Monday of March 2023, a month no other test uses (the fresh years of other tests lie before 1970,
     * where letter ids, UUIDv7, have no time stamp). 2023 has no shipped calendar: Monday–Friday count.
     */
    private LocalDate monday;

    @BeforeEach
    void freshMonth() {
        monday = LocalDate.of(2023, 3, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        GenericEventMessage.clock = CLOCK;
    }

    @AfterAll
    static void systemClock() {
        GenericEventMessage.clock = Clock.systemUTC();
        CLOCK.reset();
    }

    private Instant at(int day, String time) {
        return monday.plusDays(day).atTime(LocalTime.parse(time)).atOffset(SHANGHAI).toInstant();
    }

    private String iso(Instant instant) {
        return instant.atOffset(SHANGHAI).toString();
    }

    private void clock(int day, String time) {
        CLOCK.set(at(day, time));
    }

    private static final Map<String, Object> DRAFT = Map.of("summary", "您来信反映的积分未到账问题",
            "points", List.of("　　一、经核实，三月份消费积分因系统故障未能到账。"));

    private Map<String, Object> draftWith(List<Map<String, Object>> commitments) {
        Map<String, Object> body = new java.util.HashMap<>(DRAFT);
        body.put("commitments", commitments);
        return body;
    }

    /** Registers, assigns and (at 09:30) drafts; answers the letter id. */
    private String registered(String department, int day) {
        clock(day, "09:00");
        String id = created(post("clerk", "/api/letters", letter(iso(at(day, "09:00"))))).body().get("letterId")
                .asString();
        ok(post("clerk", "/api/letters/" + id + "/assignment", Map.of("department", department,
                "assignee", "handler")));
        return id;
    }

    private void approveAndSend(String id, int day) {
        clock(day, "10:00");
        ok(post("reviewer", "/api/letters/" + id + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        clock(day, "10:30");
        ok(post("supervisor", "/api/letters/" + id + "/reviews", Map.of("level", "SUPERVISOR",
                "decision", "APPROVED")));
        clock(day, "11:00");
        ok(post("handler", "/api/letters/" + id + "/reply", Map.of("channel", "PHONE")));
    }

    /** The types of the letter's events so far (its intake deadlines fire on their own meanwhile). */
    private List<String> eventTypes(String id) {
        List<String> types = new ArrayList<>();
        ok(get("auditor", "/api/letters/" + id + "/history")).body().forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    @Test
    void aCommitmentMadeMissedSupervisedAndFulfilledThenTheMonthsAnalysis() {
        // ---- commitment made: listed in the draft, approved with it, opened by the reply
        String letter = registered("BUSINESS", 0);
        String base = "/api/letters/" + letter;
        clock(0, "09:30");
        Reply tooLate = post("handler", base + "/drafts", draftWith(List.of(Map.of("what", "补发积分",
                "department", "BUSINESS", "dueDate", monday.plusMonths(3).plusDays(1).toString()))));
        assertThat(tooLate.status()).as(tooLate.text()).isEqualTo(400);
        assertThat(tooLate.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooLate.body().get("errors").get(0).get("field").asString())
                .isEqualTo("commitments[0].dueDate");
        Reply today = post("handler", base + "/drafts", draftWith(List.of(Map.of("what", "补发积分",
                "department", "BUSINESS", "dueDate", monday.toString()))));
        assertThat(today.status()).as(today.text()).isEqualTo(400);
        assertThat(eventTypes(letter)).doesNotContain("ReplyDrafted");

        String dueDate = monday.plusDays(7).toString();
        ok(post("handler", base + "/drafts", draftWith(List.of(Map.of("what", "补发三月份消费积分",
                "department", "BUSINESS", "dueDate", dueDate)))));
        approveAndSend(letter, 0);
        awaitUntil(() -> eventTypes(letter).contains("ReplySent"));
        long sentVersion = eventTypes(letter).indexOf("ReplySent");
        JsonNode sent = awaitLetter("auditor", letter, sentVersion + 2L);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("openCommitments").asInt()).isEqualTo(1);
        JsonNode commitment = sent.get("commitments").get(0);
        assertThat(commitment.get("dueDate").asString()).isEqualTo(dueDate);
        assertThat(Instant.parse(commitment.get("due").asString())).isEqualTo(at(8, "00:00"));
        // Its deadline of this past month fires at once on the real-time scheduler: OPEN, or already MISSED.
        assertThat(commitmentStatuses("", letter)).hasSize(1).allMatch(s -> s.equals("1 OPEN") || s.equals("1 MISSED"));

        // ---- missed: supervision opens at level 1, the reminder two working days later raises it to 2
        clock(8, "01:00");
        awaitUntil(() -> {
            JsonNode view = ok(get("auditor", base)).body();
            return view.get("supervisionLevel").asInt() == 2
                    && "MISSED".equals(view.get("commitments").get(0).get("status").asString());
        });
        List<String> supervision = new ArrayList<>();
        ok(get("auditor", base + "/history")).body().forEach(e -> {
            String type = e.get("type").asString();
            if (type.startsWith("Supervision") || type.equals("DeadlineMissed")
                    && "COMMITMENT".equals(e.get("data").get("kind").asString())) {
                supervision.add(type + (e.get("data").has("level") ? " " + e.get("data").get("level").asInt()
                        : ""));
            }
        });
        assertThat(supervision).containsExactly("DeadlineMissed", "SupervisionOpened 1", "SupervisionReminded 2");
        JsonNode item = worklistItem("BUSINESS", letter);
        assertThat(item.get("supervisionLevel").asInt()).isEqualTo(2);
        assertThat(item.get("openCommitments").asInt()).isEqualTo(1);
        assertThat(commitmentStatuses("MISSED", letter)).containsExactly("1 MISSED");
        JsonNode registerRow = null;
        for (JsonNode row : ok(get("supervisor", "/api/register?size=100&from=" + monday + "&to=" + monday))
                .body().get("items")) {
            if (letter.equals(row.get("letterId").asString())) {
                registerRow = row;
            }
        }
        assertThat(registerRow).as("register row of " + letter).isNotNull();
        assertThat(registerRow.get("openCommitments").asInt()).isEqualTo(1);

        // ---- an open commitment keeps the letter from archiving; bad fulfilments change nothing
        Reply archive = post("archivist", base + "/archive", Map.of());
        assertThat(archive.status()).as(archive.text()).isEqualTo(409);
        Reply unknown = post("handler", base + "/commitments/9/fulfilment", Map.of("evidence", "无"));
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        assertThat(eventTypes(letter)).doesNotContain("CommitmentFulfilled", "LetterArchived");

        // ---- fulfilled (late): the supervision ends as answered, the letter closes
        clock(9, "10:00");
        JsonNode fulfilled = ok(post("handler", base + "/commitments/1/fulfilment",
                Map.of("evidence", "积分补发记录 No. 20"))).body();
        assertThat(fulfilled.get("onTime").asBoolean()).isFalse();
        assertThat(fulfilled.get("status").asString()).isEqualTo("CLOSED");
        Reply again = post("handler", base + "/commitments/1/fulfilment", Map.of("evidence", "再次"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        JsonNode closed = awaitLetter("auditor", letter, fulfilled.get("version").asLong());
        assertThat(closed.get("supervisionLevel").asInt()).isZero();
        assertThat(closed.get("supervisions").get(0).get("answered").asBoolean()).isTrue();
        assertThat(closed.get("commitments").get(0).get("status").asString()).isEqualTo("FULFILLED");
        assertThat(worklistIds("BUSINESS")).doesNotContain(letter);
        assertThat(commitmentStatuses("FULFILLED", letter)).containsExactly("1 FULFILLED");

        // ---- satisfaction: a dissatisfied follow-up is supervised until resolved; a satisfied one is not
        String unhappy = complexLetterFollowedUp(1, "VERY_DISSATISFIED");
        String happy = complexLetterFollowedUp(2, "SATISFIED");
        awaitUntil(() -> ok(get("auditor", "/api/letters/" + unhappy)).body().get("supervisionLevel").asInt() > 0);
        JsonNode unhappyView = ok(get("auditor", "/api/letters/" + unhappy)).body();
        assertThat(unhappyView.get("followUp").get("satisfaction").asString()).isEqualTo("VERY_DISSATISFIED");
        assertThat(unhappyView.get("supervisions").get(0).get("reason").asString()).isEqualTo("DISSATISFIED");
        assertThat(unhappyView.get("status").asString()).isEqualTo("CLOSED");
        assertThat(worklistIds("CUSTOMER_SERVICE")).contains(unhappy);
        Reply notSupervised = post("supervisor", "/api/letters/" + happy + "/supervision/resolution",
                Map.of("note", "无"));
        assertThat(notSupervised.status()).as(notSupervised.text()).isEqualTo(409);
        JsonNode resolved = ok(post("chief", "/api/letters/" + unhappy + "/supervision/resolution",
                Map.of("note", "已上门致歉并补偿"))).body();
        JsonNode unhappyAfter = awaitLetter("auditor", unhappy, resolved.get("version").asLong());
        assertThat(unhappyAfter.get("supervisionLevel").asInt()).isZero();
        assertThat(worklistIds("CUSTOMER_SERVICE")).doesNotContain(unhappy);

        // ---- the month's analysis
        clock(9, "12:00");
        String month = monday.toString().substring(0, 7);
        JsonNode analysis = ok(get("supervisor", "/api/quality/monthly?month=" + month)).body();
        System.out.println("Monthly analysis of " + month + ": " + analysis.toPrettyString());
        JsonNode business = analysis.get("departments").get(1);
        assertThat(business.get("department").asString()).isEqualTo("BUSINESS");
        assertThat(business.get("lettersReplied").asInt()).isEqualTo(1);
        // One reply, one commitment missed: the broken promise counts against accuracy like a wrong reply.
        assertThat(business.get("accuracy").decimalValue()).isEqualByComparingTo("0.0000");
        JsonNode loopBusiness = analysis.get("qualityLoop").get("departments").get(1);
        assertThat(loopBusiness.get("commitmentsMade").asInt()).isEqualTo(1);
        assertThat(loopBusiness.get("commitmentsDue").asInt()).isEqualTo(1);
        assertThat(loopBusiness.get("commitmentsFulfilledOnTime").asInt()).isZero();
        assertThat(loopBusiness.get("commitmentsMissed").asInt()).isEqualTo(1);
        assertThat(loopBusiness.get("commitmentOnTimeRate").decimalValue()).isEqualByComparingTo("0.0000");
        JsonNode loopCs = analysis.get("qualityLoop").get("departments").get(0);
        assertThat(loopCs.get("followUpsRated").asInt()).isEqualTo(2);
        assertThat(loopCs.get("satisfaction").get("VERY_DISSATISFIED").asInt()).isEqualTo(1);
        assertThat(loopCs.get("satisfaction").get("SATISFIED").asInt()).isEqualTo(1);
        assertThat(loopCs.get("satisfiedRate").decimalValue()).isEqualByComparingTo("0.5000");
        assertThat(loopCs.get("dissatisfiedRate").decimalValue()).isEqualByComparingTo("0.5000");
        JsonNode loopTotal = analysis.get("qualityLoop").get("total");
        assertThat(loopTotal.get("commitmentsMissed").asInt()).isEqualTo(1);
        assertThat(loopTotal.get("followUpsRated").asInt()).isEqualTo(2);
    }

    /** A complex customer-service letter replied on the given day and followed up by phone with a satisfaction. */
    private String complexLetterFollowedUp(int day, String satisfaction) {
        String id = registered("CUSTOMER_SERVICE", day);
        ok(post("handler", "/api/letters/" + id + "/flags", Map.of("complex", true)));
        clock(day, "09:30");
        ok(post("handler", "/api/letters/" + id + "/drafts", Map.of("summary", "您来信反映的积分问题",
                "points", List.of("　　一、积分已补发。"), "alternatives", List.of("方案一", "方案二"))));
        approveAndSend(id, day);
        clock(day, "15:00");
        ok(post("handler", "/api/letters/" + id + "/follow-up", Map.of("note", "电话回访", "satisfaction",
                satisfaction)));
        return id;
    }

    private List<String> commitmentStatuses(String status, String letterId) {
        List<String> found = new ArrayList<>();
        awaitUntil(() -> {
            found.clear();
            ok(get("handler", "/api/commitments?size=200&status=" + status)).body().get("items").forEach(i -> {
                if (letterId.equals(i.get("letterId").asString())) {
                    found.add(i.get("n").asInt() + " " + i.get("status").asString());
                }
            });
            return !found.isEmpty();
        });
        return found;
    }

    private JsonNode worklistItem(String department, String letterId) {
        for (JsonNode item : ok(get("handler", "/api/worklist?department=" + department)).body().get("items")) {
            if (letterId.equals(item.get("letterId").asString())) {
                return item;
            }
        }
        throw new AssertionError("letter " + letterId + " not on the work list of " + department);
    }

    private List<String> worklistIds(String department) {
        List<String> ids = new ArrayList<>();
        ok(get("handler", "/api/worklist?department=" + department)).body().get("items")
                .forEach(i -> ids.add(i.get("letterId").asString()));
        return ids;
    }
}
