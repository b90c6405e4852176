package org.letterdesk.app;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines are computed once, recorded in events, and fired by the persistent scheduler. */
class DeadlineTest extends ApiTestSupport {

    @Test
    void theWorkedExampleIsRecordedInTheDeadlineEvent() {
        Reply created = post("clerk", "/api/letters", letter("2026-09-30T15:00:00+08:00"));
        assertThat(created.body().at("/deadlines/replyDue").asString()).isEqualTo("2026-10-14T15:00:00+08:00");
        String id = created.body().get("letterId").asString();
        Map<String, Object> reply = jdbc.queryForMap("""
                SELECT payload->>'due' AS due, payload->>'holidayGraceApplied' AS grace, payload->>'basis' AS basis
                FROM domain_event_entry WHERE aggregate_identifier = ? AND payload->>'kind' = 'REPLY'
                  AND payload_type = 'org.letterdesk.events.DeadlineSet'""", id);
        assertThat(OffsetDateTime.parse((String) reply.get("due")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-10-14T15:00:00+08:00").toInstant());
        assertThat(reply.get("grace")).isEqualTo("true");
        assertThat((String) reply.get("basis")).contains("72 working hours").contains("holiday grace");
    }

    @Test
    void anUnansweredUrgentLetterGetsDeadlineApproachingAndDeadlineMissedFromTheScheduler() {
        // Received 23 h ago and urgent: first response (1 clock hour) is long past, the reply (24 clock hours)
        // is due in an hour, inside its warning window.
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(23).withNano(0).toString();
        Map<String, Object> body = new HashMap<>(letter(receivedAt));
        body.put("urgentReason", "涉及安全风险");
        Reply created = post("clerk", "/api/letters", body);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("letterId").asString();

        awaitUntil(() -> eventTypes(id).contains("DeadlineMissed") && eventTypes(id).contains("DeadlineApproaching"));
        Map<String, Object> missed = jdbc.queryForMap("""
                SELECT payload->>'kind' AS kind, meta_data->>'user' AS acting_user, meta_data->>'role' AS role
                FROM domain_event_entry WHERE aggregate_identifier = ?
                  AND payload_type = 'org.letterdesk.events.DeadlineMissed'""", id);
        assertThat(missed.get("kind")).isEqualTo("FIRST_RESPONSE");
        assertThat(missed.get("acting_user")).isEqualTo("system");
        assertThat(missed.get("role")).isEqualTo("SYSTEM");
        assertThat(jdbc.queryForObject("""
                SELECT payload->>'kind' FROM domain_event_entry WHERE aggregate_identifier = ?
                  AND payload_type = 'org.letterdesk.events.DeadlineApproaching'""", String.class, id))
                .isEqualTo("REPLY");

        var view = awaitLetter("handler", id, eventTypes(id).size() - 1);
        assertThat(view.get("overdue").asBoolean()).isTrue();
        assertThat(view.get("atRisk").asBoolean()).isTrue();
        assertThat(view.at("/deadlines/FIRST_RESPONSE/state").asString()).isEqualTo("MISSED");
    }

    @Test
    void aMetDeadlineIsCancelledInTheScheduler() {
        Reply created = post("clerk", "/api/letters", letter(OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusMinutes(5).withNano(0).toString()));
        String id = created.body().get("letterId").asString();
        // The warnings of first response and reply; each miss is scheduled when its warning fires.
        assertThat(scheduledFor(id)).isEqualTo(2);

        Reply contacted = post("handler", "/api/letters/" + id + "/first-contact",
                Map.of("channel", "PHONE", "note", "已联系"));
        assertThat(contacted.status()).isEqualTo(200);
        assertThat(scheduledFor(id)).isEqualTo(1); // only the reply's remains
    }

    @Test
    void aYearWithoutCalendarCountsMondayToFridayAndSaysSo() {
        Reply created = post("clerk", "/api/letters", letter("2024-03-01T10:00:00+08:00"));
        assertThat(created.status()).isEqualTo(201);
        List<String> warnings = json.convertValue(created.body().get("warnings"), List.class);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("2024").contains("Monday"));
        // Fri 10:00 + 24 working hours over the weekend = Mon 10:00.
        assertThat(created.body().at("/deadlines/firstResponseDue").asString())
                .isEqualTo("2024-03-04T10:00:00+08:00");
    }

    @Test
    void anAdministratorLoadsACalendarYearAndLaterDeadlinesUseIt() {
        int year = 2010; // no built-in schedule; the made-up one below is this test's own
        Reply forbidden = exchange("clerk", "PUT", "/api/calendar/" + year,
                Map.of("holidays", List.of(), "workdays", List.of()), Map.of());
        assertThat(forbidden.status()).isEqualTo(403);

        // Mon 2010-03-01 a holiday, Sat 2010-03-06 a make-up working day.
        Reply loaded = exchange("admin", "PUT", "/api/calendar/" + year,
                Map.of("holidays", List.of("2010-03-01"), "workdays", List.of("2010-03-06")), Map.of());
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        Reply read = get("auditor", "/api/calendar/" + year);
        assertThat(read.body().get("origin").asString()).isEqualTo("LOADED");
        assertThat(json.convertValue(read.body().get("holidays"), List.class)).containsExactly("2010-03-01");

        // Received Fri 2010-02-26 10:00. Reply, 72 working hours: 14 h Fri, weekend and Mon holiday off,
        // 24 h Tue, 24 h Wed, 10 h Thu → Thu 03-04 10:00; a holiday lay in between, so + 72: 14 h Thu, 24 h Fri,
        // 24 h on the make-up Sat 03-06, Sun off, 10 h Mon → Mon 2010-03-08 10:00 (Tue 03-09 without the 调休).
        Reply created = post("clerk", "/api/letters", letter("2010-02-26T10:00:00+08:00"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().at("/deadlines/replyDue").asString()).isEqualTo("2010-03-08T10:00:00+08:00");
        assertThat(created.body().get("warnings")).isNull();
    }

    @Test
    void builtInYearsAreServed() {
        Reply year = get("handler", "/api/calendar/2026");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.body().get("origin").asString()).isIn("BUILT_IN", "LOADED");
        assertThat(json.convertValue(year.body().get("workdays"), List.class))
                .contains("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    }

    private List<String> eventTypes(String letterId) {
        return jdbc.queryForList("""
                SELECT substring(payload_type from '[^.]+$') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, letterId);
    }

    private int scheduledFor(String letterId) {
        // db-scheduler keeps the deadline details serialized; the aggregate id is inside the task data.
        return jdbc.queryForObject("""
                SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0""",
                Integer.class, letterId);
    }
}
