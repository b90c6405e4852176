package org.letterdesk.app;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.quality.MutableClock;
import org.letterdesk.app.quality.ScriptedLetter;
import org.letterdesk.app.quality.Timeline;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.letterdesk.app.quality.ScriptedLetter.scripted;
import static org.letterdesk.app.quality.ScriptedLetter.time;

/**
 * The monthly error analysis (质量分析) of a scripted May 2025, driven over HTTP on a simulated clock and checked
 * against figures computed by hand from docs/quality-metrics.md (the worked example there is this script).
 *
 * <p>The deadline scheduler runs on real time, so every deadline of this past month fires at once: letters get
 * DeadlineMissed events right after registration, even those answered on time later. The analysis must judge
 * "on time" by when a deadline was met, not by those events.
 *
 * <p>The simulated clock stamps every event of this JVM while the class runs, those of other application contexts
 * still open too (their deadlines may fire meanwhile); nothing here depends on them, and each context claims the
 * processors' segments under a node id of its own, so the class runs in any position of the suite.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QualityAnalysisTest extends ApiTestSupport {

    private static final MutableClock CLOCK = new MutableClock();

    /** Commands, event timestamps and the analysis's "now" all follow the simulated clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {
        @Bean
        @Primary
        Clock simulatedClock() {
            return CLOCK;
        }
    }

    private static final String CS = "CUSTOMER_SERVICE";
    private static final String BU = "BUSINESS";
    private static final String AD = "ADMINISTRATION";

    // Times are 2025 at +08:00. May 2025: 1–5 劳动节 holidays (Thu–Mon), 31 端午 (to Jun 2). Unless stated, first
    // response and reply are met by the reply; deadlines are 24 working hours (first response), 72 (LETTER) or
    // 48 (EMAIL) working hours (reply), + 72 when a statutory holiday lies in between; urgent: 1 h and 24 h.
    private static final List<ScriptedLetter> LETTERS = List.of(
            // Received in April; its first draft (with findings) is April's, the rest is May's.
            scripted("A00", AD, "04-30 23:30").due("05-09 23:30", "05-13 23:30")
                    .draftWithFindings("04-30 23:40").draft("05-06 09:00").reply("05-07 10:00"),
            // 00:30 in Shanghai on May 1 is still April 30 in UTC: a May letter.
            scripted("A01", AD, "05-01 00:30").due("05-10 00:00", "05-14 00:00")
                    .draft("05-06 09:00").reply("05-06 11:00"),
            scripted("C01", CS, "05-06 09:00").due("05-07 09:00", "05-09 09:00")
                    .draft("05-06 13:00").reply("05-06 16:00"),
            scripted("C02", CS, "05-06 10:00").email().due("05-07 10:00", "05-08 10:00")
                    .draft("05-06 14:00").reply("05-06 17:00"),
            scripted("B01", BU, "05-06 09:00").due("05-07 09:00", "05-09 09:00")
                    .draft("05-06 13:00").reply("05-06 16:00"),
            scripted("A02", AD, "05-06 09:00").due("05-07 09:00", "05-09 09:00")
                    .draft("05-06 13:00").reply("05-06 16:00"),
            scripted("C03", CS, "05-07 09:00").due("05-08 09:00", "05-12 09:00")
                    .draftWithFindings("05-07 11:00").draft("05-07 13:00").reply("05-07 16:00"),
            // Assigned to customer service, drafted there, forwarded to business before the reply: it counts where
            // it is now, its draft included.
            scripted("B02", BU, "05-07 09:00").firstAssignedTo(CS, "05-07 15:00").due("05-08 09:00", "05-12 09:00")
                    .draft("05-07 13:00").reply("05-07 16:00"),
            scripted("C04", CS, "05-08 09:00").due("05-09 09:00", "05-13 09:00")
                    .firstContact("05-08 11:00").draft("05-08 14:00").reply("05-09 10:00"),
            scripted("B03", BU, "05-08 09:00").due("05-09 09:00", "05-13 09:00")
                    .draftWithFindings("05-08 11:00").draft("05-08 13:00").reply("05-08 16:00"),
            scripted("A03", AD, "05-08 09:00").due("05-09 09:00", "05-13 09:00")
                    .draftWithFindings("05-08 11:00").draft("05-08 13:00").reply("05-08 16:00"),
            // Late reply 1: first contact in time, reply a day after its due time.
            scripted("C05", CS, "05-09 09:00").due("05-12 09:00", "05-14 09:00")
                    .firstContact("05-09 11:00").draft("05-15 10:00").reply("05-15 15:00"),
            // Late reply 2: no first contact, so the first response is late too.
            scripted("B04", BU, "05-09 09:00").due("05-12 09:00", "05-14 09:00")
                    .draft("05-16 10:00").reply("05-16 15:00"),
            scripted("C06", CS, "05-12 09:00").due("05-13 09:00", "05-15 09:00")
                    .draft("05-12 13:00").reply("05-12 16:00"),
            scripted("B05", BU, "05-12 09:00").due("05-13 09:00", "05-15 09:00")
                    .draft("05-12 13:00").reply("05-12 16:00"),
            scripted("A04", AD, "05-12 09:00").due("05-13 09:00", "05-15 09:00")
                    .draft("05-12 13:00").reply("05-12 16:00"),
            scripted("C07", CS, "05-13 09:00").urgent().due("05-13 10:00", "05-14 09:00")
                    .firstContact("05-13 09:30").draft("05-13 13:00").reply("05-13 16:00"),
            scripted("B06", BU, "05-13 09:00").email().due("05-14 09:00", "05-15 09:00")
                    .firstContact("05-13 15:00").draft("05-13 14:00").reply("05-14 10:00"),
            scripted("C08", CS, "05-14 09:00").due("05-15 09:00", "05-19 09:00")
                    .draftWithFindings("05-14 11:00").draft("05-14 13:00").reply("05-14 16:00"),
            scripted("B07", BU, "05-14 09:00").due("05-15 09:00", "05-19 09:00")
                    .draft("05-14 13:00").reply("05-14 16:00"),
            scripted("A05", AD, "05-14 09:00").email().due("05-15 09:00", "05-16 09:00")
                    .draft("05-14 13:00").reply("05-14 16:00"),
            scripted("C09", CS, "05-15 09:00").due("05-16 09:00", "05-20 09:00")
                    .draft("05-15 13:00").reply("05-15 16:00"),
            scripted("B08", BU, "05-15 09:00").due("05-16 09:00", "05-20 09:00")
                    .draftWithFindings("05-15 11:00").draft("05-15 13:00").reply("05-15 16:00"),
            scripted("A06", AD, "05-16 09:00").due("05-19 09:00", "05-21 09:00")
                    .draft("05-16 13:00").reply("05-16 16:00"),
            scripted("C10", CS, "05-19 09:00").due("05-20 09:00", "05-22 09:00")
                    .draft("05-19 13:00").reply("05-19 16:00"),
            scripted("B09", BU, "05-19 09:00").due("05-20 09:00", "05-22 09:00")
                    .draft("05-19 13:00").reply("05-19 16:00"),
            scripted("C11", CS, "05-20 09:00").email().due("05-21 09:00", "05-22 09:00")
                    .draft("05-20 13:00").reply("05-20 16:00"),
            // Urgent, first contact an hour late (due 10:00), reply in time.
            scripted("A07", AD, "05-20 09:00").urgent().due("05-20 10:00", "05-21 09:00")
                    .firstContact("05-20 11:00").draft("05-20 13:00").reply("05-20 16:00"),
            // Never assigned, never answered: counts under UNASSIGNED, both deadlines missed.
            scripted("U01", null, "05-20 09:00").due("05-21 09:00", "05-23 09:00"),
            scripted("B10", BU, "05-21 09:00").due("05-22 09:00", "05-26 09:00")
                    .draft("05-21 13:00").reply("05-21 16:00"),
            scripted("A08", AD, "05-22 09:00").due("05-23 09:00", "05-27 09:00")
                    .firstContact("05-22 10:00").draft("05-22 13:00").reply("05-23 11:00"),
            // Reply due in June (端午 grace); replied 00:10 on June 1 in Shanghai, still May 31 in UTC: June's.
            scripted("C12", CS, "05-28 09:00").due("05-29 09:00", "06-06 09:00")
                    .firstContact("05-28 14:00").draft("05-30 10:00").reply("06-01 00:10"),
            // Both deadlines in June; unanswered.
            scripted("B11", BU, "05-30 09:00").due("06-06 09:00", "06-10 09:00"));

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    @BeforeEach
    void simulateTime() {
        // Only now, with the context built: Axon's processors copy this clock when they are built and must keep
        // the real one.
        GenericEventMessage.clock = CLOCK;
    }

    @AfterAll
    static void realTime() {
        GenericEventMessage.clock = Clock.systemUTC();
        CLOCK.reset();
    }

    @Test
    void aScriptedMonthGivesTheFiguresComputedByHand() {
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM quality_letter_fact
                WHERE received_at >= '2025-04-01T00:00:00+08:00' AND received_at < '2025-07-01T00:00:00+08:00'""",
                Integer.class)).as("this test needs April to June 2025 to itself; run it on an empty database")
                .isZero();

        Timeline month = new Timeline();
        LETTERS.forEach(l -> schedule(month, l));
        correction(month, "C06", "05-20 10:00", "DATA_ERROR", "CUSTOMER_CALLBACK");
        correction(month, "B05", "05-22 10:00", "POLICY_MISREAD", "INTERNAL_SPOT_CHECK");
        correction(month, "C09", "05-27 10:00", "TYPO", "OTHER");
        // 00:30 on June 1 in Shanghai (May 31 in UTC): June's.
        correction(month, "A06", "06-01 00:30", "OMISSION", "CUSTOMER_CALLBACK");
        month.at(time("05-19 10:00"), "B07 dispute recorded", () -> recordDispute("B07"));
        month.at(time("05-21 10:00"), "B07 dispute investigated", () -> command("B07", "handler",
                "/disputes/1/investigation", Map.of("findings", "按规定执行")));
        month.at(time("05-23 10:00"), "B07 dispute resolved", () -> command("B07", "supervisor",
                "/disputes/1/resolution", Map.of("outcome", "协商一致", "escalated", false)));
        month.at(time("05-26 10:00"), "C10 dispute recorded", () -> recordDispute("C10"));
        month.run(CLOCK);

        versions.forEach((name, version) -> awaitLetter("supervisor", ids.get(name), version));
        CLOCK.set(time("06-03 12:00"));

        Reply may = get("auditor", "/api/quality/monthly?month=2025-05");
        assertThat(may.status()).as(may.text()).isEqualTo(200);
        assertThat(may.body().get("month").asString()).isEqualTo("2025-05");
        assertThat(may.body().get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(may.body().get("departments").findValuesAsString("department"))
                .containsExactly(CS, BU, AD, "UNASSIGNED");
        assertRow(may.body().get("departments").get(0), MAY_CUSTOMER_SERVICE);
        assertRow(may.body().get("departments").get(1), MAY_BUSINESS);
        assertRow(may.body().get("departments").get(2), MAY_ADMINISTRATION);
        assertRow(may.body().get("departments").get(3), MAY_UNASSIGNED);
        assertRow(may.body().get("total"), MAY_TOTAL);
        // Rounded half up, at fixed scales: 29/32 = 0.90625 is a tie.
        assertThat(may.text()).contains("\"firstResponseOnTimeRate\":0.9063", "\"replyOnTimeRate\":1.0000",
                "\"meanHandlingHours\":28.20", "\"qualityScore\":85.0", "\"meanHandlingHours\":null");

        // Letters answered in time although the scheduler had already recorded their reply deadline as missed
        // are among the replies counted on time above.
        assertThat(LETTERS.stream().filter(l -> l.replyAt != null && !l.replyAt.isAfter(l.replyDue))
                .map(l -> awaitLetter("auditor", ids.get(l.name), versions.get(l.name)))
                .filter(view -> view.at("/deadlines/REPLY/state").asString().equals("MISSED"))
                .filter(view -> view.at("/deadlines/REPLY/metOnTime").asBoolean())).isNotEmpty();

        Reply business = get("director", "/api/quality/monthly?month=2025-05&department=BUSINESS");
        assertThat(business.status()).as(business.text()).isEqualTo(200);
        assertThat(business.body().get("departments")).hasSize(1);
        assertRow(business.body().get("departments").get(0), MAY_BUSINESS);
        assertThat(business.body().get("total")).isEqualTo(business.body().get("departments").get(0));

        Reply april = get("supervisor", "/api/quality/monthly?month=2025-04");
        assertRow(april.body().get("departments").get(2), APRIL_ADMINISTRATION);
        assertRow(april.body().get("total"), APRIL_ADMINISTRATION.replace(AD, "ALL"));

        // June 3: B11's deadlines (June 6 and 10) are open and not yet due, so they are not counted yet.
        Reply june = get("supervisor", "/api/quality/monthly?month=2025-06");
        assertRow(june.body().get("departments").get(0), JUNE_3_CUSTOMER_SERVICE);
        assertRow(june.body().get("departments").get(1), JUNE_3_BUSINESS);
        assertRow(june.body().get("departments").get(2), JUNE_3_ADMINISTRATION);
        assertRow(june.body().get("total"), JUNE_3_TOTAL);

        // June 12: both are past due and unmet, so both count, as not on time.
        CLOCK.set(time("06-12 12:00"));
        Reply later = get("supervisor", "/api/quality/monthly?month=2025-06&department=BUSINESS");
        assertRow(later.body().get("total"), JUNE_12_BUSINESS);
    }

    @Test
    void badParametersAndRolesAreRefused() {
        for (String month : List.of("2025-13", "2025-5", "May 2025", "2025-05-01", "")) {
            Reply bad = get("auditor", "/api/quality/monthly?month=" + month);
            assertThat(bad.status()).as(month).isEqualTo(400);
            assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(bad.body().at("/errors/0/field").asString()).isEqualTo("month");
        }
        Reply missing = get("auditor", "/api/quality/monthly");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/errors/0/field").asString()).isEqualTo("month");

        Reply department = get("auditor", "/api/quality/monthly?month=2025-05&department=SALES");
        assertThat(department.status()).isEqualTo(400);
        assertThat(department.body().at("/errors/0/field").asString()).isEqualTo("department");

        assertThat(get("clerk", "/api/quality/monthly?month=2025-05").status()).isEqualTo(403);
        assertThat(get("handler", "/api/quality/monthly?month=2025-05").code()).isEqualTo("FORBIDDEN");
        assertThat(get(null, "/api/quality/monthly?month=2025-05").status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ expected figures (docs/quality-metrics.md)

    // CUSTOMER_SERVICE, May: C01–C12 received. C01–C11 replied (C12 on June 1). Handling 9 × 7 h + C04 25 h
    // + C05 150 h = 238 h / 11 = 21.636… First responses due in May: all 12, all on time. Replies due in May:
    // C01–C11 (C12's is June 6); C05 late → 10/11. Corrections: C06 and C09 → accuracy 1 − 2/11 = 9/11.
    // Drafted in May: 12 letters, C03 and C08 with findings → 1 − 2/12. Dispute on C10, open.
    // Score 40 × 9/11 + 30 × 10/11 + 30 × 10/12 = 360/11 + 300/11 + 25 = 85.0.
    private static final String MAY_CUSTOMER_SERVICE = """
            {"department":"CUSTOMER_SERVICE","lettersReceived":12,"lettersReplied":11,
             "firstResponsesDue":12,"firstResponsesOnTime":12,"firstResponseOnTimeRate":1.0000,
             "repliesDue":11,"repliesOnTime":10,"replyOnTimeRate":0.9091,"correctionsIssued":2,
             "correctionsByCause":{"DATA_ERROR":1,"POLICY_MISREAD":0,"OMISSION":0,"TYPO":1,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":1,"INTERNAL_SPOT_CHECK":0,"OTHER":1},
             "lettersDrafted":12,"lettersWithWordingFindings":2,"disputesOpened":1,"disputesResolved":0,
             "meanHandlingHours":21.64,"accuracy":0.8182,"timeliness":0.9091,"professionalism":0.8333,
             "qualityScore":85.0}""";

    // BUSINESS, May: B01–B11 received (B02 forwarded from customer service). B01–B10 replied. Handling 8 × 7 h
    // + B04 174 h + B06 25 h = 255 h / 10. First responses due in May: B01–B10 (B11's is June 6); B04 late
    // → 9/10. Replies due: B01–B10, B04 late → 9/10. Correction on B05 → 1 − 1/10. Drafted 10, B03 and B08 with
    // findings → 1 − 2/10. Dispute on B07 opened and resolved. Score 36 + 27 + 24 = 87.0.
    private static final String MAY_BUSINESS = """
            {"department":"BUSINESS","lettersReceived":11,"lettersReplied":10,
             "firstResponsesDue":10,"firstResponsesOnTime":9,"firstResponseOnTimeRate":0.9000,
             "repliesDue":10,"repliesOnTime":9,"replyOnTimeRate":0.9000,"correctionsIssued":1,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":1,"OMISSION":0,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":0,"INTERNAL_SPOT_CHECK":1,"OTHER":0},
             "lettersDrafted":10,"lettersWithWordingFindings":2,"disputesOpened":1,"disputesResolved":1,
             "meanHandlingHours":25.50,"accuracy":0.9000,"timeliness":0.9000,"professionalism":0.8000,
             "qualityScore":87.0}""";

    // ADMINISTRATION, May: A01–A08 received (A00 in April). A00–A08 replied: A00 154.5 h + A01 130.5 h
    // + 6 × 7 h + A08 26 h = 353 h / 9 = 39.222… First responses due: A00–A08, A07 late → 8/9. Replies due:
    // A00–A08, all on time. No correction in May (A06's is June's). Drafted in May: A00–A08 = 9; findings only on
    // A03 (A00's were in April) → 1 − 1/9. Score 40 + 30 + 30 × 8/9 = 96.666… → 96.7.
    private static final String MAY_ADMINISTRATION = """
            {"department":"ADMINISTRATION","lettersReceived":8,"lettersReplied":9,
             "firstResponsesDue":9,"firstResponsesOnTime":8,"firstResponseOnTimeRate":0.8889,
             "repliesDue":9,"repliesOnTime":9,"replyOnTimeRate":1.0000,"correctionsIssued":0,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":0,"OMISSION":0,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":0,"INTERNAL_SPOT_CHECK":0,"OTHER":0},
             "lettersDrafted":9,"lettersWithWordingFindings":1,"disputesOpened":0,"disputesResolved":0,
             "meanHandlingHours":39.22,"accuracy":1.0000,"timeliness":1.0000,"professionalism":0.8889,
             "qualityScore":96.7}""";

    // UNASSIGNED, May: U01, both deadlines past and unmet. Nothing replied or drafted: accuracy and
    // professionalism are undefined, so is the score.
    private static final String MAY_UNASSIGNED = """
            {"department":"UNASSIGNED","lettersReceived":1,"lettersReplied":0,
             "firstResponsesDue":1,"firstResponsesOnTime":0,"firstResponseOnTimeRate":0.0000,
             "repliesDue":1,"repliesOnTime":0,"replyOnTimeRate":0.0000,"correctionsIssued":0,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":0,"OMISSION":0,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":0,"INTERNAL_SPOT_CHECK":0,"OTHER":0},
             "lettersDrafted":0,"lettersWithWordingFindings":0,"disputesOpened":0,"disputesResolved":0,
             "meanHandlingHours":null,"accuracy":null,"timeliness":0.0000,"professionalism":null,
             "qualityScore":null}""";

    // Total, May: the departments' counts added up, then the same formulas. First responses 29/32 = 0.90625,
    // half up → 0.9063. Replies 28/31. Handling 846 h / 30. Accuracy 1 − 3/30. Professionalism 1 − 5/31.
    // Score 36 + 30 × 28/31 + 30 × 26/31 = 36 + 1620/31 = 88.258… → 88.3.
    private static final String MAY_TOTAL = """
            {"department":"ALL","lettersReceived":32,"lettersReplied":30,
             "firstResponsesDue":32,"firstResponsesOnTime":29,"firstResponseOnTimeRate":0.9063,
             "repliesDue":31,"repliesOnTime":28,"replyOnTimeRate":0.9032,"correctionsIssued":3,
             "correctionsByCause":{"DATA_ERROR":1,"POLICY_MISREAD":1,"OMISSION":0,"TYPO":1,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":1,"INTERNAL_SPOT_CHECK":1,"OTHER":1},
             "lettersDrafted":31,"lettersWithWordingFindings":5,"disputesOpened":2,"disputesResolved":1,
             "meanHandlingHours":28.20,"accuracy":0.9000,"timeliness":0.9032,"professionalism":0.8387,
             "qualityScore":88.3}""";

    // April: only A00 (received 23:30 on April 30), and its first draft, with findings.
    private static final String APRIL_ADMINISTRATION = """
            {"department":"ADMINISTRATION","lettersReceived":1,"lettersReplied":0,
             "firstResponsesDue":0,"firstResponsesOnTime":0,"firstResponseOnTimeRate":null,
             "repliesDue":0,"repliesOnTime":0,"replyOnTimeRate":null,"correctionsIssued":0,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":0,"OMISSION":0,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":0,"INTERNAL_SPOT_CHECK":0,"OTHER":0},
             "lettersDrafted":1,"lettersWithWordingFindings":1,"disputesOpened":0,"disputesResolved":0,
             "meanHandlingHours":null,"accuracy":null,"timeliness":null,"professionalism":0.0000,
             "qualityScore":null}""";

    // June, read on June 3: C12 replied (87 h 10 min) before its reply due June 6; no draft in June.
    private static final String JUNE_3_CUSTOMER_SERVICE = """
            {"department":"CUSTOMER_SERVICE","lettersReceived":0,"lettersReplied":1,
             "firstResponsesDue":0,"firstResponsesOnTime":0,"firstResponseOnTimeRate":null,
             "repliesDue":1,"repliesOnTime":1,"replyOnTimeRate":1.0000,"correctionsIssued":0,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":0,"OMISSION":0,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":0,"INTERNAL_SPOT_CHECK":0,"OTHER":0},
             "lettersDrafted":0,"lettersWithWordingFindings":0,"disputesOpened":0,"disputesResolved":0,
             "meanHandlingHours":87.17,"accuracy":1.0000,"timeliness":1.0000,"professionalism":null,
             "qualityScore":null}""";

    // June, read on June 3: the correction of A06 (replied in May); nothing replied in June → accuracy null.
    private static final String JUNE_3_ADMINISTRATION = """
            {"department":"ADMINISTRATION","lettersReceived":0,"lettersReplied":0,
             "firstResponsesDue":0,"firstResponsesOnTime":0,"firstResponseOnTimeRate":null,
             "repliesDue":0,"repliesOnTime":0,"replyOnTimeRate":null,"correctionsIssued":1,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":0,"OMISSION":1,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":1,"INTERNAL_SPOT_CHECK":0,"OTHER":0},
             "lettersDrafted":0,"lettersWithWordingFindings":0,"disputesOpened":0,"disputesResolved":0,
             "meanHandlingHours":null,"accuracy":null,"timeliness":null,"professionalism":null,
             "qualityScore":null}""";

    // June total on June 3: 1 reply, 1 correction → accuracy 1 − 1/1 = 0.
    private static final String JUNE_3_TOTAL = """
            {"department":"ALL","lettersReceived":0,"lettersReplied":1,
             "firstResponsesDue":0,"firstResponsesOnTime":0,"firstResponseOnTimeRate":null,
             "repliesDue":1,"repliesOnTime":1,"replyOnTimeRate":1.0000,"correctionsIssued":1,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":0,"OMISSION":1,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":1,"INTERNAL_SPOT_CHECK":0,"OTHER":0},
             "lettersDrafted":0,"lettersWithWordingFindings":0,"disputesOpened":0,"disputesResolved":0,
             "meanHandlingHours":87.17,"accuracy":0.0000,"timeliness":1.0000,"professionalism":null,
             "qualityScore":null}""";

    // June, read on June 3, business: B11's deadlines are open and not yet due; nothing else happened in June.
    private static final String JUNE_3_BUSINESS = """
            {"department":"BUSINESS","lettersReceived":0,"lettersReplied":0,
             "firstResponsesDue":0,"firstResponsesOnTime":0,"firstResponseOnTimeRate":null,
             "repliesDue":0,"repliesOnTime":0,"replyOnTimeRate":null,"correctionsIssued":0,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":0,"OMISSION":0,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":0,"INTERNAL_SPOT_CHECK":0,"OTHER":0},
             "lettersDrafted":0,"lettersWithWordingFindings":0,"disputesOpened":0,"disputesResolved":0,
             "meanHandlingHours":null,"accuracy":null,"timeliness":null,"professionalism":null,
             "qualityScore":null}""";

    // June, read on June 12, business only: B11's first response (due June 6) and reply (due June 10), unmet.
    private static final String JUNE_12_BUSINESS = """
            {"department":"BUSINESS","lettersReceived":0,"lettersReplied":0,
             "firstResponsesDue":1,"firstResponsesOnTime":0,"firstResponseOnTimeRate":0.0000,
             "repliesDue":1,"repliesOnTime":0,"replyOnTimeRate":0.0000,"correctionsIssued":0,
             "correctionsByCause":{"DATA_ERROR":0,"POLICY_MISREAD":0,"OMISSION":0,"TYPO":0,"WRONG_RECIPIENT":0,
                                   "OTHER":0},
             "correctionsByFoundBy":{"CUSTOMER_CALLBACK":0,"INTERNAL_SPOT_CHECK":0,"OTHER":0},
             "lettersDrafted":0,"lettersWithWordingFindings":0,"disputesOpened":0,"disputesResolved":0,
             "meanHandlingHours":null,"accuracy":null,"timeliness":0.0000,"professionalism":null,
             "qualityScore":null}""";

    /** Exact: numbers are compared as parsed from the JSON text, null as null, every field present. */
    private void assertRow(JsonNode actual, String expected) {
        assertThat(actual).isEqualTo(json.readTree(expected));
    }

    // ------------------------------------------------------------------ the script

    private void schedule(Timeline month, ScriptedLetter l) {
        month.at(l.receivedAt, l.name + " received", () -> register(l));
        if (l.department != null) {
            String first = l.firstDepartment != null ? l.firstDepartment : l.department;
            month.at(l.receivedAt.plus(Duration.ofMinutes(1)), l.name + " assigned", () -> command(l, "clerk",
                    "/assignment", Map.of("department", first, "assignee", "handler")));
        }
        if (l.forwardedAt != null) {
            month.at(l.forwardedAt, l.name + " forwarded", () -> command(l, "supervisor", "/assignment",
                    Map.of("department", l.department, "assignee", "handler")));
        }
        if (l.firstContactAt != null) {
            month.at(l.firstContactAt, l.name + " first contact", () -> command(l, "handler", "/first-contact",
                    Map.of("channel", "PHONE", "note", "已电话联系来信人")));
        }
        if (l.findingsDraftAt != null) {
            month.at(l.findingsDraftAt, l.name + " draft with findings", () -> {
                Reply drafted = command(l, "handler", "/drafts", DRAFT_WITH_FINDINGS);
                assertThat(drafted.body().get("findings")).isNotEmpty();
            });
            month.at(l.findingsDraftAt.plus(Duration.ofMinutes(15)), l.name + " FORMAT rejected", () -> command(l,
                    "reviewer", "/reviews", Map.of("level", "FORMAT", "decision", "REJECTED", "comment", "措辞")));
        }
        if (l.draftAt != null) {
            month.at(l.draftAt, l.name + " draft", () -> {
                Reply drafted = command(l, "handler", "/drafts", DRAFT);
                assertThat(drafted.body().get("findings")).isEmpty();
            });
            month.at(l.draftAt.plus(Duration.ofMinutes(30)), l.name + " FORMAT approved", () -> command(l,
                    "reviewer", "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
            month.at(l.draftAt.plus(Duration.ofMinutes(60)), l.name + " SUPERVISOR approved", () -> command(l,
                    "supervisor", "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        }
        if (l.replyAt != null) {
            month.at(l.replyAt, l.name + " replied", () -> command(l, "handler", "/reply",
                    Map.of("channel", "PHONE")));
        }
    }

    private void register(ScriptedLetter l) {
        Map<String, Object> body = new HashMap<>(letter(l.receivedAt.atOffset(ZoneOffset.ofHours(8)).toString()));
        body.put("channel", l.channel);
        if (l.urgent) {
            body.put("urgentReason", "涉及安全风险");
        }
        Reply created = post("clerk", "/api/letters", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(instant(created.body().at("/deadlines/firstResponseDue"))).as("first response due")
                .isEqualTo(l.firstResponseDue);
        assertThat(instant(created.body().at("/deadlines/replyDue"))).as("reply due").isEqualTo(l.replyDue);
        String id = created.body().get("letterId").asString();
        ids.put(l.name, id);
        versions.put(l.name, created.body().get("version").asLong());
        awaitDueDeadlinesFired(id);
    }

    private Reply command(ScriptedLetter l, String user, String path, Object body) {
        return command(l.name, user, path, body);
    }

    private Reply command(String name, String user, String path, Object body) {
        String uri = "/api/letters/" + ids.get(name) + path;
        // A deadline fired at the same moment by another cached test context is retried by the command runner.
        Reply reply = post(user, uri, body);
        assertThat(reply.status()).as(name + ": " + reply.text()).isEqualTo(200);
        versions.put(name, reply.body().get("version").asLong());
        return reply;
    }

    private void correction(Timeline month, String name, String at, String cause, String foundBy) {
        month.at(time(at), name + " correction " + cause, () -> command(name, "handler", "/corrections",
                Map.of("whatWasWrong", "答复内容有误", "correctedContent", "更正后的答复内容", "cause", cause,
                        "foundBy", foundBy)));
    }

    private void recordDispute(String name) {
        command(name, "clerk", "/disputes", Map.of("points", "处理结果", "senderView", "应全额补偿",
                "organizationView", "按规定部分补偿"));
        // Its investigation deadline (3 working days) lies in the real past too; let it fire before going on.
        awaitDueDeadlinesFired(ids.get(name));
    }

    /**
     * The scheduler fires this past month's deadlines at once. Waiting until it has done so for the letter (or
     * set a failed one aside for a later retry) keeps its events from racing the script's next command.
     */
    private void awaitDueDeadlinesFired(String letterId) {
        awaitUntil(() -> jdbc.queryForObject("""
                SELECT count(*) FROM scheduled_tasks
                WHERE position(convert_to(?, 'UTF8') in task_data) > 0 AND execution_time <= now()""",
                Integer.class, letterId) == 0);
    }

    private static Instant instant(JsonNode node) {
        return OffsetDateTime.parse(node.asString()).toInstant();
    }

    private static final Map<String, Object> DRAFT = Map.of(
            "summary", "关于您反映的会员积分未按时到账的问题，经核查，现答复如下：",
            "points", List.of("您三月份的消费积分因系统升级延迟入账，已补发至您的账户。",
                    "今后积分将在消费后24小时内到账。"),
            "glossary", List.of(Map.of("term", "会员积分", "explanation", "消费1元获得1积分")));

    // An absolute promise and a non-brand term: the wording check's findings block the FORMAT review.
    private static final Map<String, Object> DRAFT_WITH_FINDINGS = Map.of(
            "summary", "作为老客户，我们保证您的积分今后绝不延迟。",
            "points", List.of("积分已补发。"));
}
