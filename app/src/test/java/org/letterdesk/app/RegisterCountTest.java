package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/register answers filters on status, department, channel, category and urgency with a total from the
 * counter table (register_count). That total must be what an exact count of the register gives, also after letters
 * move to another status, department or urgency.
 * <p>
 * These filters have no date range, so they match every test's letters in the shared database: each total is
 * compared with a count of register_entry read at the same time, and this test's own letters (the only fax
 * petitions any test registers) are looked for among the items.
 */
class RegisterCountTest extends ApiTestSupport {

    private static final int PAGE = 200;

    /** A register filter the counter table answers, and the same condition over register_entry. */
    private record Filter(String query, String where) {
    }

    private static final List<Filter> FILTERS = List.of(
            new Filter("", "TRUE"),
            new Filter("q=&from=&to=", "TRUE"), // blank values filter nothing
            new Filter("status=RECEIVED", "status = 'RECEIVED'"),
            new Filter("status=ASSIGNED", "status = 'ASSIGNED'"),
            new Filter("status=IN_REVIEW", "status = 'IN_REVIEW'"),
            new Filter("status=APPROVED", "status = 'APPROVED'"),
            new Filter("status=CLOSED", "status = 'CLOSED'"),
            new Filter("department=BUSINESS", "department = 'BUSINESS'"),
            new Filter("department=ADMINISTRATION", "department = 'ADMINISTRATION'"),
            new Filter("department=BUSINESS&status=ASSIGNED", "department = 'BUSINESS' AND status = 'ASSIGNED'"),
            new Filter("channel=FAX&category=PAID_SERVICE", "channel = 'FAX' AND category = 'PAID_SERVICE'"),
            new Filter("urgent=true", "urgent"),
            new Filter("urgent=false&channel=FAX", "NOT urgent AND channel = 'FAX'"),
            new Filter("department=BUSINESS&status=ASSIGNED&channel=FAX&category=PAID_SERVICE&urgent=true",
                    "department = 'BUSINESS' AND status = 'ASSIGNED' AND channel = 'FAX' AND category = 'PAID_SERVICE' "
                            + "AND urgent"));

    @Test
    void totalsFromTheCounterTableAreExactCountsThroughStatusAndAssignmentChanges() {
        Letter a = register(false);
        Letter b = register(true);
        Letter c = register(false);
        a.await();
        b.await();
        c.await();
        assertTotalsExact();
        assertThat(serials("status=RECEIVED&channel=FAX&category=PAID_SERVICE")).contains(a.serial, b.serial, c.serial);
        assertThat(serials("status=RECEIVED&channel=FAX&category=PAID_SERVICE&urgent=true")).contains(b.serial)
                .doesNotContain(a.serial, c.serial);

        a.ok(post("clerk", a.path("/assignment"), Map.of("department", "BUSINESS", "assignee", "handler")));
        b.ok(post("clerk", b.path("/assignment"), Map.of("department", "ADMINISTRATION")));
        c.ok(post("clerk", c.path("/urgent"), Map.of("reason", "涉及人身安全")));
        a.await();
        b.await();
        c.await();
        assertTotalsExact();
        assertThat(serials("department=BUSINESS&status=ASSIGNED&channel=FAX&category=PAID_SERVICE&urgent=false"))
                .contains(a.serial).doesNotContain(b.serial, c.serial);
        assertThat(serials("department=ADMINISTRATION&status=ASSIGNED&channel=FAX&category=PAID_SERVICE&urgent=true"))
                .contains(b.serial);
        assertThat(serials("status=RECEIVED&channel=FAX&category=PAID_SERVICE&urgent=true")).contains(c.serial)
                .doesNotContain(a.serial, b.serial);

        // Forwarded to another department; a letter taken through review and reply.
        b.ok(post("supervisor", b.path("/assignment"), Map.of("department", "BUSINESS")));
        a.ok(post("handler", a.path("/drafts"), Map.of("summary", "关于您的来信", "points", List.of("已处理"))));
        a.await();
        assertTotalsExact();
        assertThat(serials("status=IN_REVIEW&channel=FAX&category=PAID_SERVICE")).contains(a.serial);
        a.ok(post("reviewer", a.path("/reviews"), Map.of("level", "FORMAT", "decision", "APPROVED")));
        a.ok(post("supervisor", a.path("/reviews"), Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        a.await();
        assertTotalsExact();
        String replied = a.ok(post("handler", a.path("/reply"), Map.of("channel", "PHONE"))).body().get("status")
                .asString();
        a.await();
        b.await();
        assertTotalsExact();
        assertThat(serials("status=" + replied + "&department=BUSINESS&channel=FAX&category=PAID_SERVICE"))
                .contains(a.serial).doesNotContain(b.serial);
        assertThat(serials("department=BUSINESS&status=ASSIGNED&channel=FAX&category=PAID_SERVICE&urgent=true"))
                .contains(b.serial).doesNotContain(a.serial);
        assertThat(serials("department=ADMINISTRATION&channel=FAX&category=PAID_SERVICE")).doesNotContain(b.serial);
    }

    /** Every filter's total equals a count of the register, and its last page holds the rest of that total. */
    private void assertTotalsExact() {
        for (Filter filter : FILTERS) {
            // Other tests' letters may still be changing (a deadline firing): compare until both reads agree.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                long counted = jdbc.queryForObject("SELECT count(*) FROM register_entry WHERE " + filter.where(),
                        Long.class);
                JsonNode first = page(filter.query(), 0);
                long total = first.get("total").asLong();
                assertThat(total).as("total of ?%s", filter.query()).isEqualTo(counted);
                int last = (int) Math.max(0, (total - 1) / PAGE);
                JsonNode lastPage = last == 0 ? first : page(filter.query(), last);
                assertThat(lastPage.get("items").size()).as("items of ?%s", filter.query())
                        .isEqualTo((int) (total - (long) last * PAGE));
            });
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM register_count WHERE n <= 0", Long.class))
                .as("combinations without letters").isZero();
        // One statement, one snapshot: the counter and the register are written in the same transactions.
        assertThat(jdbc.queryForObject("""
                SELECT (SELECT coalesce(sum(n), 0) FROM register_count) = (SELECT count(*) FROM register_entry)""",
                Boolean.class)).as("letters counted = register rows").isTrue();
    }

    private JsonNode page(String query, int page) {
        Reply reply = get("handler", "/api/register?" + query + "&size=" + PAGE + "&page=" + page);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

    /** The serial numbers matching a filter (all of them: the filters used here match fewer than a page). */
    private List<String> serials(String query) {
        JsonNode page = page(query, 0);
        List<String> serials = new ArrayList<>(page.get("items").findValuesAsString("serialNo"));
        assertThat(page.get("total").asLong()).as("total of ?%s", query).isEqualTo(serials.size());
        return serials;
    }

    private Letter register(boolean urgent) {
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        body.put("channel", "FAX");
        body.put("category", "PAID_SERVICE");
        if (urgent) {
            body.put("urgentReason", "涉及安全风险");
        }
        Reply created = post("clerk", "/api/letters", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Letter letter = new Letter(created.body().get("letterId").asString(), created.body().get("serialNo")
                .asString());
        letter.version = created.body().get("version").asLong();
        return letter;
    }

    /** One of this test's letters and the version its last command produced. */
    private final class Letter {
        final String id;
        final String serial;
        long version;

        Letter(String id, String serial) {
            this.id = id;
            this.serial = serial;
        }

        String path(String action) {
            return "/api/letters/" + id + action;
        }

        Reply ok(Reply reply) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            version = reply.body().get("version").asLong();
            return reply;
        }

        /** Until the read models show the letter's last command. */
        void await() {
            awaitLetter("supervisor", id, version);
        }
    }
}
