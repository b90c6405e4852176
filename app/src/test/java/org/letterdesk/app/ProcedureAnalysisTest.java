package org.letterdesk.app;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.quality.MutableClock;
import org.letterdesk.app.quality.Timeline;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The petitions-and-referrals section of the monthly analysis, for a June 2023 scripted over HTTP on a simulated
 * clock and checked against figures counted by hand from docs/quality-metrics.md ("Petitions and referrals").
 *
 * <p>As in the error analysis test, the deadline scheduler runs on real time, so every deadline of this past month
 * is recorded as missed at once; a referral report counts as on time by when it was approved, not by those events.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProcedureAnalysisTest extends ApiTestSupport {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Commands, event timestamps and the analysis's "now" all follow the simulated clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {
        @Bean
        @Primary
        Clock simulatedClock() {
            return CLOCK;
        }
    }

    private static final Map<String, Object> DRAFT = Map.of(
            "summary", "关于您反映的问题，经调查，现答复如下：",
            "points", List.of("经查实，相关问题已责令整改。"));
    private static final Map<String, Object> REPORT = Map.of(
            "problem", "关于学管会经费的问题。", "background", "学管会基本情况。",
            "investigation", "经查实，经费问题属实。", "outcome", "已责令退还。");

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    @BeforeEach
    void simulateTime() {
        // Only now, with the context built: Axon's processors copy this clock when they are built.
        GenericEventMessage.clock = CLOCK;
    }

    @AfterAll
    static void realTime() {
        GenericEventMessage.clock = Clock.systemUTC();
        CLOCK.reset();
    }

    /** "MM-dd HH:mm" in 2023 at +08:00. */
    private static Instant time(String monthDayTime) {
        return LocalDateTime.parse("2023-" + monthDayTime, TIME).toInstant(ZoneOffset.ofHours(8));
    }

    @Test
    void aScriptedJuneGivesThePetitionAndReferralFiguresCountedByHand() {
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM quality_procedure_fact
                WHERE acceptance_decided_at >= '2023-05-01T00:00:00+08:00'
                      AND acceptance_decided_at < '2023-08-01T00:00:00+08:00'
                   OR referral_report_due >= '2023-05-01T00:00:00+08:00'
                      AND referral_report_due < '2023-08-01T00:00:00+08:00'""", Integer.class))
                .as("this test needs May to July 2023 to itself; run it on an empty database").isZero();

        Timeline month = new Timeline();
        // P1 (ADMINISTRATION): received in May; accepted, extended, replied, reviewed (复查) and reviewed again
        // (复核) in June, which makes it final in June.
        petition(month, "P1", "05-25 09:00");
        month.at(time("06-02 10:00"), "P1 accepted", () -> accept("P1"));
        assign(month, "P1", "06-02 11:00", "ADMINISTRATION");
        month.at(time("06-05 10:00"), "P1 extended", () -> command("P1", "supervisor", "/extension",
                Map.of("days", 10, "reason", "需跨部门调查")));
        reply(month, "P1", "06-06 09:00");
        month.at(time("06-08 10:00"), "P1 review requested", () -> command("P1", "clerk", "/review-requests",
                Map.of("kind", "REVIEW", "reason", "对答复不服")));
        month.at(time("06-10 10:00"), "P1 review answered", () -> command("P1", "supervisor",
                "/review-requests/1/answer", Map.of("answer", "经复查，维持原答复")));
        month.at(time("06-12 10:00"), "P1 second review requested", () -> command("P1", "clerk",
                "/review-requests", Map.of("kind", "SECOND_REVIEW", "reason", "仍不服")));
        month.at(time("06-14 10:00"), "P1 second review answered", () -> command("P1", "chief",
                "/review-requests/2/answer", Map.of("answer", "经复核，维持")));
        // P2: never assigned, not accepted in June.
        petition(month, "P2", "06-01 09:00");
        month.at(time("06-03 10:00"), "P2 not accepted", () -> command("P2", "supervisor", "/acceptance",
                Map.of("decision", "NOT_ACCEPTED", "reason", "已依法通过诉讼途径解决")));
        // P3 (BUSINESS): accepted in May, replied and reviewed (复查) in June; the review stays unanswered.
        petition(month, "P3", "05-20 09:00");
        month.at(time("05-28 10:00"), "P3 accepted", () -> accept("P3"));
        assign(month, "P3", "05-28 11:00", "BUSINESS");
        reply(month, "P3", "06-09 09:00");
        month.at(time("06-20 10:00"), "P3 review requested", () -> command("P3", "clerk", "/review-requests",
                Map.of("kind", "REVIEW", "reason", "对答复不服")));
        // P4 (CUSTOMER_SERVICE): received in June, accepted in July.
        petition(month, "P4", "06-25 09:00");
        assign(month, "P4", "06-25 10:00", "CUSTOMER_SERVICE");
        month.at(time("07-01 10:00"), "P4 accepted", () -> accept("P4"));

        // R1 (BUSINESS): due June 15, approved June 12: on time.
        referral(month, "R1", "06-01 09:00", "2023-06-15", "BUSINESS");
        report(month, "R1", "06-10 09:00", "06-12 10:00");
        // R2 (ADMINISTRATION): due June 20, approved June 22: late.
        referral(month, "R2", "06-05 09:00", "2023-06-20", "ADMINISTRATION");
        report(month, "R2", "06-19 09:00", "06-22 10:00");
        // R3 (CUSTOMER_SERVICE): due June 28, never reported: late once that time has passed.
        referral(month, "R3", "06-10 09:00", "2023-06-28", "CUSTOMER_SERVICE");
        // R4 (BUSINESS): due May 31, approved June 2: May's, late.
        referral(month, "R4", "05-15 09:00", "2023-05-31", "BUSINESS");
        report(month, "R4", "05-30 09:00", "06-02 10:00");
        month.run(CLOCK);
        versions.forEach((name, version) -> awaitLetter("supervisor", ids.get(name), version));

        // July 3: every referral report due in June is decided.
        CLOCK.set(time("07-03 12:00"));
        Reply june = ok(get("auditor", "/api/quality/monthly?month=2023-06"));
        JsonNode section = june.body().get("petitionsAndReferrals");
        assertThat(section.get("departments").findValuesAsString("department"))
                .containsExactly("CUSTOMER_SERVICE", "BUSINESS", "ADMINISTRATION", "UNASSIGNED");
        assertRow(section.get("departments").get(0), "CUSTOMER_SERVICE", 0, 0, 0, 0, 0, 0, 1, 0, 1, "0.0000");
        assertRow(section.get("departments").get(1), "BUSINESS", 0, 0, 0, 1, 0, 0, 1, 1, 0, "1.0000");
        assertRow(section.get("departments").get(2), "ADMINISTRATION", 1, 0, 1, 1, 1, 1, 1, 0, 1, "0.0000");
        assertRow(section.get("departments").get(3), "UNASSIGNED", 0, 1, 0, 0, 0, 0, 0, 0, 0, null);
        assertRow(section.get("total"), "ALL", 1, 1, 1, 2, 1, 1, 3, 1, 2, "0.3333");
        assertThat(june.text()).contains("\"referralReportOnTimeRate\":0.3333");

        Reply administration = ok(get("director", "/api/quality/monthly?month=2023-06&department=ADMINISTRATION"));
        JsonNode only = administration.body().get("petitionsAndReferrals");
        assertThat(only.get("departments")).hasSize(1);
        assertRow(only.get("total"), "ADMINISTRATION", 1, 0, 1, 1, 1, 1, 1, 0, 1, "0.0000");

        Reply may = ok(get("supervisor", "/api/quality/monthly?month=2023-05"));
        assertRow(may.body().at("/petitionsAndReferrals/total"), "ALL", 1, 0, 0, 0, 0, 0, 1, 0, 1, "0.0000");
        Reply july = ok(get("supervisor", "/api/quality/monthly?month=2023-07"));
        assertRow(july.body().at("/petitionsAndReferrals/total"), "ALL", 1, 0, 0, 0, 0, 0, 0, 0, 0, null);

        // June 25: R3's report is not due yet, so it is neither on time nor late.
        CLOCK.set(time("06-25 12:00"));
        Reply before = ok(get("supervisor", "/api/quality/monthly?month=2023-06"));
        assertRow(before.body().at("/petitionsAndReferrals/total"), "ALL", 1, 1, 1, 2, 1, 1, 3, 1, 1, "0.5000");
    }

    /** The row must hold exactly these figures, in this order of fields (the analysis's JSON as documented). */
    private void assertRow(JsonNode actual, String department, long accepted, long notAccepted, long extended,
                           long reviews, long secondReviews, long finalMatters, long reportsDue, long onTime,
                           long late, String rate) {
        String expected = String.format("""
                {"department":"%s","petitionsAccepted":%d,"petitionsNotAccepted":%d,"petitionsExtended":%d,
                 "reviewsRequested":%d,"secondReviewsRequested":%d,"petitionsFinal":%d,"referralReportsDue":%d,
                 "referralReportsOnTime":%d,"referralReportsLate":%d,"referralReportOnTimeRate":%s}""",
                department, accepted, notAccepted, extended, reviews, secondReviews, finalMatters, reportsDue,
                onTime, late, rate == null ? "null" : rate);
        assertThat(actual).as(department).isEqualTo(json.readTree(expected));
    }

    // ------------------------------------------------------------------ the script

    private void petition(Timeline month, String name, String receivedAt) {
        month.at(time(receivedAt), name + " received", () -> {
            Map<String, Object> body = new HashMap<>(letter(time(receivedAt).atOffset(ZoneOffset.ofHours(8))
                    .toString()));
            body.put("category", "PETITION");
            body.put("channel", "VISIT");
            body.put("subject", name + " 反映经费问题-" + UUID.randomUUID());
            body.put("sender", Map.of("name", "侯某", "phone", "139" + String.format("%08d",
                    ThreadLocalRandom.current().nextInt(100_000_000))));
            body.remove("attachments");
            register(name, body);
        });
    }

    private void referral(Timeline month, String name, String receivedAt, String dueDate, String department) {
        month.at(time(receivedAt), name + " received", () -> {
            Map<String, Object> body = new HashMap<>(letter(time(receivedAt).atOffset(ZoneOffset.ofHours(8))
                    .toString()));
            body.put("subject", name + " 批办件-" + UUID.randomUUID());
            body.put("referral", Map.of("office", "县政府办公室督查科", "referenceNo", "县委第12号批办件",
                    "dueDate", dueDate));
            body.put("department", department);
            register(name, body);
        });
    }

    /** Written by the handler, FORMAT approved 30 minutes later, the last level (SUPERVISOR) at {@code doneAt}. */
    private void report(Timeline month, String name, String writtenAt, String doneAt) {
        month.at(time(writtenAt), name + " report written", () -> command(name, "handler", "/referral-report",
                REPORT));
        month.at(time(writtenAt).plusSeconds(1800), name + " report FORMAT", () -> command(name, "reviewer",
                "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED", "target", "REFERRAL_REPORT")));
        month.at(time(doneAt), name + " report SUPERVISOR", () -> {
            Reply done = command(name, "supervisor", "/reviews", Map.of("level", "SUPERVISOR",
                    "decision", "APPROVED", "target", "REFERRAL_REPORT"));
            assertThat(done.body().get("reportDone").asBoolean()).isTrue();
        });
    }

    private void accept(String name) {
        command(name, "supervisor", "/acceptance", Map.of("decision", "ACCEPTED", "reason", "属于受理范围"));
    }

    private void assign(Timeline month, String name, String at, String department) {
        month.at(time(at), name + " assigned", () -> command(name, "clerk", "/assignment",
                Map.of("department", department, "assignee", "handler")));
    }

    /** Drafted, approved at FORMAT and SUPERVISOR and handed over in person, within the hour. */
    private void reply(Timeline month, String name, String at) {
        month.at(time(at), name + " drafted", () -> command(name, "handler", "/drafts", DRAFT));
        month.at(time(at).plusSeconds(900), name + " FORMAT", () -> command(name, "reviewer", "/reviews",
                Map.of("level", "FORMAT", "decision", "APPROVED")));
        month.at(time(at).plusSeconds(1800), name + " SUPERVISOR", () -> command(name, "supervisor", "/reviews",
                Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        month.at(time(at).plusSeconds(3600), name + " replied", () -> command(name, "handler", "/reply",
                Map.of("channel", "IN_PERSON")));
    }

    private void register(String name, Map<String, Object> body) {
        Reply created = created(post("clerk", "/api/letters", body));
        ids.put(name, created.body().get("letterId").asString());
        versions.put(name, created.body().get("version").asLong());
    }

    private Reply command(String name, String user, String path, Object body) {
        Reply reply = ok(post(user, "/api/letters/" + ids.get(name) + path, body));
        versions.put(name, reply.body().get("version").asLong());
        return reply;
    }
}
