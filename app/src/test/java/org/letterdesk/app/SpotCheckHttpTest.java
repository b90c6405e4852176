package org.letterdesk.app;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.quality.MutableClock;
import org.letterdesk.command.spotcheck.AutomaticSpotCheck;
import org.letterdesk.command.spotcheck.SampleDraw;
import org.letterdesk.command.spotcheck.SpotCheckConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly spot check (内部抽查) over HTTP on a simulated clock, in months of its own (June and July 2023; no
 * other test replies letters then): June's replied letters drawn, read, checked; refusals that change nothing; the
 * ERRORs completed by their linked INTERNAL_SPOT_CHECK corrections; a draw reproduced from its seed; June's
 * analysis with the spot check beside the callback errors, and supervision (督办) per department. Then the system's
 * automatic draw on a month's next first working day.
 *
 * <p>Runs in its own JVM (surefire execution {@code own-clock-tests}): its deadlines fire at once on the real-time
 * scheduler and must be handled by this application, whose supervision opens only for missed COMMITMENT deadlines
 * (none here), so supervision comes only from the dissatisfied follow-ups of the script.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "letterdesk.supervision.deadline-kinds=COMMITMENT")
class SpotCheckHttpTest extends ApiTestSupport {

    private static final MutableClock CLOCK = new MutableClock();
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final String JUNE = "2023-06";
    private static final String JULY = "2023-07";

    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {
        @Bean
        @Primary
        Clock simulatedClock() {
            return CLOCK;
        }
    }

    @Autowired
    private AutomaticSpotCheck automatic;

    @BeforeEach
    void simulatedEventTime() {
        GenericEventMessage.clock = CLOCK;
    }

    @AfterAll
    static void systemClock() {
        GenericEventMessage.clock = Clock.systemUTC();
        CLOCK.reset();
    }

    private static Instant at(String date, String time) {
        return LocalDate.parse(date).atTime(LocalTime.parse(time)).atOffset(SHANGHAI).toInstant();
    }

    private static void clock(String date, String time) {
        CLOCK.set(at(date, time));
    }

    /** Registers and assigns a letter on the date, drafts it (with alternatives when complex), approves and sends. */
    private String replied(String department, String date, boolean complex) {
        clock(date, "09:00");
        String id = created(post("clerk", "/api/letters", letter(at(date, "09:00").atOffset(SHANGHAI).toString())))
                .body().get("letterId").asString();
        String base = "/api/letters/" + id;
        ok(post("clerk", base + "/assignment", Map.of("department", department, "assignee", "handler")));
        Map<String, Object> draft = new HashMap<>(Map.of("summary", "您来信反映的积分未到账问题",
                "points", List.of("　　一、经核实，积分因系统故障未能到账，现已补发。")));
        if (complex) {
            ok(post("handler", base + "/flags", Map.of("complex", true)));
            draft.put("alternatives", List.of("方案一", "方案二"));
        }
        clock(date, "09:30");
        ok(post("handler", base + "/drafts", draft));
        clock(date, "10:00");
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        clock(date, "10:30");
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        clock(date, "11:00");
        ok(post("handler", base + "/reply", Map.of("channel", "PHONE")));
        return id;
    }

    private void followUp(String id, String date, String satisfaction) {
        clock(date, "15:00");
        ok(post("handler", "/api/letters/" + id + "/follow-up", Map.of("note", "电话回访",
                "satisfaction", satisfaction)));
    }

    private void correction(String id, String date, String foundBy) {
        clock(date, "10:00");
        ok(post("handler", "/api/letters/" + id + "/corrections", Map.of("whatWasWrong", "答复内容有误",
                "correctedContent", "更正后的答复内容", "cause", "DATA_ERROR", "foundBy", foundBy)));
    }

    private JsonNode spotCheck(String month) {
        awaitUntil(() -> get("auditor", "/api/spot-checks/" + month).status() == 200);
        return ok(get("auditor", "/api/spot-checks/" + month)).body();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private Map<String, String> results(JsonNode spotCheck) {
        Map<String, String> results = new HashMap<>();
        spotCheck.get("letters").forEach(l -> results.put(l.get("letterId").asString(),
                l.get("result").isNull() ? null : l.get("result").asString()));
        return results;
    }

    private List<String> eventTypes(String id) {
        List<String> types = new ArrayList<>();
        ok(get("auditor", "/api/letters/" + id + "/history")).body().forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    @Test
    void aMonthDrawnCheckedCorrectedCompletedAndAnalysed() {
        // ---- June 2023 (Mon–Fri, no calendar): five letters replied; two complex ones followed up dissatisfied
        String b1 = replied("BUSINESS", "2023-06-05", true);
        String b2 = replied("BUSINESS", "2023-06-06", false);
        String c3 = replied("CUSTOMER_SERVICE", "2023-06-07", true);
        String c4 = replied("CUSTOMER_SERVICE", "2023-06-08", false);
        String a5 = replied("ADMINISTRATION", "2023-06-09", false);
        List<String> june = List.of(b1, b2, c3, c4, a5);
        // Supervision: opened at level 1, raised to the director by the reminder two working days later (it fires
        // at once on the real-time scheduler), the business one resolved.
        followUp(b1, "2023-06-05", "VERY_DISSATISFIED");
        followUp(c3, "2023-06-07", "DISSATISFIED");
        awaitUntil(() -> ok(get("auditor", "/api/letters/" + b1)).body().get("supervisionLevel").asInt() == 2
                && ok(get("auditor", "/api/letters/" + c3)).body().get("supervisionLevel").asInt() == 2);
        clock("2023-06-12", "10:00");
        ok(post("supervisor", "/api/letters/" + b1 + "/supervision/resolution", Map.of("note", "已上门致歉")));
        // A wrong reply found by customer callback in June.
        correction(c3, "2023-06-20", "CUSTOMER_CALLBACK");

        // ---- July: one letter replied in July (not in June's sample)
        String l6 = replied("BUSINESS", "2023-07-03", false);

        // ---- refusals of the draw: role, invalid month, a month not ended, sample size; nothing drawn
        clock("2023-07-04", "09:00");
        Reply forbidden = post("reviewer", "/api/spot-checks", Map.of("month", JUNE, "sampleSize", 5));
        assertThat(forbidden.status()).as(forbidden.text()).isEqualTo(403);
        Reply badMonth = post("supervisor", "/api/spot-checks", Map.of("month", "2023-13", "sampleSize", 5));
        assertThat(badMonth.status()).as(badMonth.text()).isEqualTo(400);
        assertThat(badMonth.code()).isEqualTo("VALIDATION_FAILED");
        Reply running = post("supervisor", "/api/spot-checks", Map.of("month", JULY, "sampleSize", 5));
        assertThat(running.status()).as(running.text()).isEqualTo(400);
        assertThat(running.body().get("errors").get(0).get("message").asString()).contains("not ended");
        Reply zero = post("supervisor", "/api/spot-checks", Map.of("month", JUNE, "sampleSize", 0));
        assertThat(zero.status()).as(zero.text()).isEqualTo(400);
        assertThat(zero.body().get("errors").get(0).get("field").asString()).isEqualTo("sampleSize");
        Reply noMonth = post("supervisor", "/api/spot-checks", Map.of("sampleSize", 5));
        assertThat(noMonth.status()).as(noMonth.text()).isEqualTo(400);
        Reply malformed = post("supervisor", "/api/spot-checks", "{\"month\": \"2023-06\", \"sampleSize\": \"x\"}");
        assertThat(malformed.status()).as(malformed.text()).isEqualTo(400);
        Reply notDrawn = get("auditor", "/api/spot-checks/" + JUNE);
        assertThat(notDrawn.status()).as(notDrawn.text()).isEqualTo(404);
        assertThat(notDrawn.code()).isEqualTo("SPOT_CHECK_NOT_FOUND");
        assertThat(get("auditor", "/api/spot-checks/June").status()).isEqualTo(400);
        // June ended before the spot check was installed: the system never draws it by itself.
        assertThat(automatic.drawIfDue(at("2023-07-04", "09:00"))).isEmpty();

        // ---- the draw: all five June letters (the sample is as large as the month), in the seed's order
        Reply drawReply = created(post("supervisor", "/api/spot-checks", Map.of("month", JUNE, "sampleSize", 5)));
        assertThat(drawReply.headers().getLocation()).hasToString("/api/spot-checks/" + JUNE);
        JsonNode draw = drawReply.body();
        long seed = draw.get("seed").asLong();
        List<String> drawn = strings(draw.get("letters"));
        assertThat(draw.get("month").asString()).isEqualTo(JUNE);
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(june);
        // Reproducible: the same seed over the month's replied letters draws the same letters in the same order.
        assertThat(SampleDraw.draw(june, 5, seed)).isEqualTo(drawn);

        Reply twice = post("supervisor", "/api/spot-checks", Map.of("month", JUNE, "sampleSize", 2));
        assertThat(twice.status()).as(twice.text()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("SPOT_CHECK_DRAWN");
        JsonNode read = spotCheck(JUNE);
        System.out.println("Spot check of " + JUNE + " as drawn: " + read.toPrettyString());
        assertThat(read.get("seed").asLong()).isEqualTo(seed);
        List<String> readLetters = new ArrayList<>();
        read.get("letters").forEach(l -> readLetters.add(l.get("letterId").asString()));
        assertThat(readLetters).isEqualTo(drawn);
        assertThat(read.get("sampleSize").asInt()).isEqualTo(5);
        assertThat(read.get("candidates").asInt()).isEqualTo(5);
        assertThat(read.get("populationDigest").asString()).isEqualTo(SampleDraw.populationDigest(june));
        assertThat(read.get("automatic").asBoolean()).isFalse();
        assertThat(read.get("drawnBy").asString()).isEqualTo("supervisor");
        assertThat(read.get("complete").asBoolean()).isFalse();
        assertThat(read.get("checked").asInt()).isZero();

        // ---- results; refusals change nothing
        String results = "/api/spot-checks/" + JUNE + "/letters/";
        clock("2023-07-05", "09:00");
        Reply handler = post("handler", results + b1, Map.of("result", "OK"));
        assertThat(handler.status()).as(handler.text()).isEqualTo(403);
        Reply notSampled = post("reviewer", results + l6, Map.of("result", "OK"));
        assertThat(notSampled.status()).as(notSampled.text()).isEqualTo(409);
        assertThat(notSampled.code()).isEqualTo("NOT_IN_SAMPLE");
        Reply undrawn = post("reviewer", "/api/spot-checks/2023-05/letters/" + b1, Map.of("result", "OK"));
        assertThat(undrawn.status()).as(undrawn.text()).isEqualTo(404);
        assertThat(undrawn.code()).isEqualTo("SPOT_CHECK_NOT_FOUND");
        Reply maybe = post("reviewer", results + b1, Map.of("result", "MAYBE"));
        assertThat(maybe.status()).as(maybe.text()).isEqualTo(400);
        Reply noResult = post("reviewer", results + b1, Map.of("note", "无"));
        assertThat(noResult.status()).as(noResult.text()).isEqualTo(400);
        assertThat(post("reviewer", results + "not-a-letter", Map.of("result", "OK")).status()).isEqualTo(400);

        assertThat(ok(post("reviewer", results + b1, Map.of("result", "OK"))).body().get("complete").asBoolean())
                .isFalse();
        ok(post("reviewer", results + b2, Map.of("result", "ERROR", "note", "补偿金额计算错误")));
        ok(post("supervisor", results + c3, Map.of("result", "OK")));
        ok(post("reviewer", results + c4, Map.of("result", "ERROR", "note", "引用政策条款有误")));
        JsonNode last = ok(post("reviewer", results + a5, Map.of("result", "OK"))).body();
        // Every letter checked, but the two ERRORs have no correction yet.
        assertThat(last.get("complete").asBoolean()).isFalse();
        awaitUntil(() -> spotCheck(JUNE).get("checked").asInt() == 5);
        JsonNode checked = spotCheck(JUNE);
        assertThat(checked.get("errors").asInt()).isEqualTo(2);
        assertThat(checked.get("complete").asBoolean()).isFalse();
        assertThat(results(checked)).containsEntry(b2, "ERROR").containsEntry(c4, "ERROR").containsEntry(b1, "OK");

        // ---- corrections: one found otherwise does not count; those found by the spot check complete it
        correction(c4, "2023-07-06", "OTHER");
        correction(b2, "2023-07-06", "INTERNAL_SPOT_CHECK");
        awaitUntil(() -> spotCheck(JUNE).get("letters").findValues("correctionNo").stream()
                .filter(n -> !n.isNull()).count() == 1);
        assertThat(spotCheck(JUNE).get("complete").asBoolean()).isFalse();
        correction(c4, "2023-07-07", "INTERNAL_SPOT_CHECK");
        awaitUntil(() -> spotCheck(JUNE).get("complete").asBoolean());
        JsonNode complete = spotCheck(JUNE);
        System.out.println("Spot check of " + JUNE + " complete: " + complete.toPrettyString());
        for (JsonNode letter : complete.get("letters")) {
            String id = letter.get("letterId").asString();
            if (id.equals(b2)) {
                assertThat(letter.get("correctionNo").asInt()).isEqualTo(1);
            } else if (id.equals(c4)) {
                assertThat(letter.get("correctionNo").asInt()).isEqualTo(2); // its second, the first was OTHER
            } else {
                assertThat(letter.get("correctionNo").isNull()).as(id).isTrue();
            }
        }
        Reply afterwards = post("supervisor", results + b1, Map.of("result", "ERROR"));
        assertThat(afterwards.status()).as(afterwards.text()).isEqualTo(409);
        assertThat(afterwards.code()).isEqualTo("INVALID_TRANSITION");
        assertThat(results(spotCheck(JUNE))).containsEntry(b1, "OK");
        assertThat(eventTypes(b2)).contains("CorrectionIssued");

        // ---- July: 2 of 3 replied letters drawn, reproducible from the recorded seed
        String l7 = replied("CUSTOMER_SERVICE", "2023-07-10", false);
        String l8 = replied("ADMINISTRATION", "2023-07-11", false);
        clock("2023-08-01", "09:00");
        JsonNode julyDraw = created(post("supervisor", "/api/spot-checks", Map.of("month", JULY, "sampleSize", 2)))
                .body();
        assertThat(strings(julyDraw.get("letters")))
                .isEqualTo(SampleDraw.draw(List.of(l6, l7, l8), 2, julyDraw.get("seed").asLong()))
                .hasSize(2);
        assertThat(spotCheck(JULY).get("populationDigest").asString())
                .isEqualTo(SampleDraw.populationDigest(List.of(l8, l7, l6)));

        // ---- June's analysis, read on 1 August
        JsonNode analysis = ok(get("supervisor", "/api/quality/monthly?month=" + JUNE)).body();
        JsonNode loop = analysis.get("qualityLoop");
        JsonNode supervision = analysis.get("supervision");
        System.out.println("Monthly analysis of " + JUNE + ", qualityLoop: " + loop.toPrettyString());
        System.out.println("Monthly analysis of " + JUNE + ", supervision: " + supervision.toPrettyString());
        // departments: CUSTOMER_SERVICE, BUSINESS, ADMINISTRATION, UNASSIGNED
        assertSpotCheck(loop.get("departments").get(0), "CUSTOMER_SERVICE", 2, 2, 1, "0.5000", 1);
        assertSpotCheck(loop.get("departments").get(1), "BUSINESS", 2, 2, 1, "0.5000", 0);
        assertSpotCheck(loop.get("departments").get(2), "ADMINISTRATION", 1, 1, 0, "0.0000", 0);
        assertSpotCheck(loop.get("departments").get(3), "UNASSIGNED", 0, 0, 0, null, 0);
        assertSpotCheck(loop.get("total"), "ALL", 5, 5, 2, "0.4000", 1);
        assertSupervision(supervision.get("departments").get(0), "CUSTOMER_SERVICE", 1, 1, 0);
        assertSupervision(supervision.get("departments").get(1), "BUSINESS", 1, 1, 1);
        assertSupervision(supervision.get("departments").get(2), "ADMINISTRATION", 0, 0, 0);
        assertSupervision(supervision.get("total"), "ALL", 2, 2, 1);
        assertThat(supervision.get("total").get("openedByReason").get("DISSATISFIED").asInt()).isEqualTo(2);
        assertThat(supervision.get("total").get("openedByReason").get("DEADLINE_MISSED").asInt()).isZero();
        // One department alone: its row and the same total.
        JsonNode business = ok(get("supervisor", "/api/quality/monthly?month=" + JUNE + "&department=BUSINESS"))
                .body();
        assertSupervision(business.get("supervision").get("total"), "BUSINESS", 1, 1, 1);
        assertSpotCheck(business.get("qualityLoop").get("total"), "BUSINESS", 2, 2, 1, "0.5000", 0);
        // July: drawn, nothing checked yet; the spot check's corrections were issued in July.
        JsonNode julyLoop = ok(get("supervisor", "/api/quality/monthly?month=" + JULY)).body().get("qualityLoop");
        System.out.println("Monthly analysis of " + JULY + ", qualityLoop total: " + julyLoop.get("total"));
        assertSpotCheck(julyLoop.get("total"), "ALL", 2, 0, 0, null, 0);

        // ---- rebuilt from the event store: the same rows and the same analysis
        Map<String, List<String>> before = readModelRows();
        String analysisBefore = ok(get("supervisor", "/api/quality/monthly?month=" + JUNE)).text();
        assertThat(before.get("spot_check_letter")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(before.get("quality_supervision")).hasSizeGreaterThanOrEqualTo(2);
        Reply rebuild = post("admin", "/api/admin/read-models/rebuild", null);
        assertThat(rebuild.status()).as(rebuild.text()).isEqualTo(202);
        awaitUntil(() -> ok(get("admin", "/api/admin/read-models/rebuild")).body().get("caughtUp").asBoolean());
        assertThat(readModelRows()).isEqualTo(before);
        assertThat(ok(get("supervisor", "/api/quality/monthly?month=" + JUNE)).text()).isEqualTo(analysisBefore);
    }

    /** The rows of the spot check's and the supervision figures' read models, as text, in a stable order. */
    private Map<String, List<String>> readModelRows() {
        Map<String, List<String>> rows = new HashMap<>();
        for (String table : List.of("spot_check_view", "spot_check_letter", "quality_supervision")) {
            rows.put(table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY t::text", String.class));
        }
        return rows;
    }

    @Test
    void theSystemDrawsAMonthNobodyDrewOnTheNextMonthsFirstWorkingDay() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?", Integer.class,
                SpotCheckConfiguration.AUTOMATIC_DRAW_TASK)).isEqualTo(1);
        // A month after the installation (and so after every letter of the tests), undrawn, whose next month
        // begins on a Saturday: its first working day is the Monday after (no calendar loaded for these years).
        YearMonth month = YearMonth.of(2090, 1);
        while (month.plusMonths(1).atDay(1).getDayOfWeek() != DayOfWeek.SATURDAY
                || get("auditor", "/api/spot-checks/" + month).status() != 404) {
            month = month.plusMonths(1);
        }
        LocalDate first = month.plusMonths(1).atDay(1);
        String m = month.toString();
        assertThat(automatic.drawIfDue(at(first.toString(), "09:00"))).isEmpty();
        assertThat(automatic.drawIfDue(at(first.plusDays(1).toString(), "23:59"))).isEmpty();
        assertThat(get("auditor", "/api/spot-checks/" + m).status()).isEqualTo(404);
        clock(first.plusDays(2).toString(), "00:05");
        assertThat(automatic.drawIfDue(at(first.plusDays(2).toString(), "00:05"))).isEqualTo(Optional.of(month));
        // Drawn once: the next check finds it drawn, a supervisor is refused.
        assertThat(automatic.drawIfDue(at(first.plusDays(2).toString(), "01:05"))).isEmpty();
        JsonNode drawn = spotCheck(m);
        assertThat(drawn.get("automatic").asBoolean()).isTrue();
        assertThat(drawn.get("drawnBy").asString()).isEqualTo("system");
        assertThat(drawn.get("sampleSize").asInt()).isEqualTo(10);
        // Nobody replied in that month: an empty sample, complete at once.
        assertThat(drawn.get("letters").size()).isZero();
        assertThat(drawn.get("candidates").asInt()).isZero();
        awaitUntil(() -> spotCheck(m).get("complete").asBoolean());
        Reply manual = post("supervisor", "/api/spot-checks", Map.of("month", m, "sampleSize", 3));
        assertThat(manual.status()).as(manual.text()).isEqualTo(409);
        assertThat(manual.code()).isEqualTo("SPOT_CHECK_DRAWN");
    }

    private static void assertSpotCheck(JsonNode row, String department, int drawn, int checked, int errors,
                                        String errorRate, int callbackErrors) {
        assertThat(row.get("department").asString()).isEqualTo(department);
        assertThat(row.get("spotCheckDrawn").asInt()).as(department + " drawn").isEqualTo(drawn);
        assertThat(row.get("spotCheckChecked").asInt()).as(department + " checked").isEqualTo(checked);
        assertThat(row.get("spotCheckErrors").asInt()).as(department + " errors").isEqualTo(errors);
        if (errorRate == null) {
            assertThat(row.get("spotCheckErrorRate").isNull()).as(department + " error rate").isTrue();
        } else {
            assertThat(row.get("spotCheckErrorRate").decimalValue()).as(department + " error rate")
                    .isEqualByComparingTo(errorRate);
        }
        assertThat(row.get("callbackErrors").asInt()).as(department + " callback errors").isEqualTo(callbackErrors);
    }

    private static void assertSupervision(JsonNode row, String department, int opened, int raised, int resolved) {
        assertThat(row.get("department").asString()).isEqualTo(department);
        assertThat(row.get("supervisionsOpened").asInt()).as(department + " opened").isEqualTo(opened);
        assertThat(row.get("raisedToDirector").asInt()).as(department + " raised").isEqualTo(raised);
        assertThat(row.get("supervisionsResolved").asInt()).as(department + " resolved").isEqualTo(resolved);
    }
}
