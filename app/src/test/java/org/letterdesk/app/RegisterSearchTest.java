package org.letterdesk.app;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.query.register.RegisterEntry;
import org.letterdesk.query.register.RegisterFilter;
import org.letterdesk.query.register.SearchTermFrequency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register's {@code q} through the n-gram index (migration V80): the same letters as a scan of subject, core
 * request and sender would find, and a statement the index can answer.
 */
class RegisterSearchTest extends ApiTestSupport {

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private SearchTermFrequency frequency;

    // The two letters of the whole class, in one fresh year: its tests only read them (a fresh year each would use up
    // the years ApiTestSupport.freshYear has, shared by every test class on one external database).
    private static String range;
    private static String leak;
    private static String fibre;

    @BeforeEach
    void twoLetters() {
        if (range != null) {
            return;
        }
        int year = freshYear();
        String yearRange = "from=" + year + "-01-01&to=" + year + "-12-31";
        leak = register(year + "-04-02T10:00:00+08:00", "暖气片漏水报修", "楼道暖气片夜间漏水",
                Map.of("name", "欧阳明", "organization", "Northwind Traders", "phone", "13900000011"));
        fibre = register(year + "-04-03T10:00:00+08:00", "宽带安装预约", "希望周六上门安装光纤",
                Map.of("name", "司马静", "phone", "13900000012"));
        range = yearRange;
        awaitUntil(() -> total("q=光纤") == 1 && total("q=漏水") == 1);
    }

    private String register(String receivedAt, String subject, String coreRequest, Map<String, Object> sender) {
        Map<String, Object> body = new HashMap<>(letter(receivedAt));
        body.put("subject", subject);
        body.put("coreRequest", coreRequest);
        body.put("sender", sender);
        return created(post("clerk", "/api/letters", body)).body().get("serialNo").asString();
    }

    /** While the register is being written, the page and its total may be read a row apart. */
    private long total(String query) {
        return ok(get("handler", "/api/register?" + range + "&" + query)).body().get("total").asLong();
    }

    /** The serial numbers found within this test's year; the total must match them. */
    private List<String> serials(String query) {
        Reply reply = ok(get("handler", "/api/register?" + range + "&" + query));
        List<String> serials = new ArrayList<>();
        reply.body().get("items").forEach(item -> serials.add(item.get("serialNo").asString()));
        assertThat(reply.body().get("total").asLong()).as("total of " + query).isEqualTo(serials.size());
        return serials;
    }

    @Test
    void findsChineseSubstringsOfSubjectCoreRequestAndSender() {
        assertThat(serials("q=漏水")).containsExactly(leak);          // subject and core request
        assertThat(serials("q=水报")).containsExactly(leak);          // subject only
        assertThat(serials("q=光纤")).containsExactly(fibre);         // core request only
        assertThat(serials("q=上门安装光纤")).containsExactly(fibre);  // longer: all its pairs
        assertThat(serials("q=欧阳")).containsExactly(leak);          // sender's name
        assertThat(serials("q=司马静")).containsExactly(fibre);
        assertThat(serials("q=暖气片")).containsExactly(leak);
    }

    @Test
    void findsASingleCharacter() {
        assertThat(serials("q=纤")).containsExactly(fibre);
        assertThat(serials("q=夜")).containsExactly(leak);
        assertThat(serials("q=1")).containsExactly(fibre, leak);    // both masked phones; newest first
    }

    /**
     * A text held by a large share of the register is searched by LIKE alone, without the n-gram index: it finds
     * the same letters. ("/" separates the parts of every letter's sender column.)
     */
    @Test
    void aCommonTextIsSearchedWithoutTheIndexAndFindsTheSame() {
        jdbc.execute("ANALYZE register_entry");
        frequency.refresh();
        assertThat(frequency.commonForCount("/")).as("share of '/': " + frequency.share("/")).isTrue();
        assertThat(frequency.commonForPage("/")).isTrue();
        assertThat(frequency.commonForPage("鸳鸯")).isFalse();
        assertThat(serials("q=/")).containsExactly(fibre, leak);
        assertThat(serials("q= / ")).containsExactly(fibre, leak);

        RegisterFilter filter = new RegisterFilter(range.substring(5, 15), range.substring(19), null, null, null,
                null, null, null, "漏水");
        for (boolean common : new boolean[]{false, true}) {
            assertThat(letterIds(filter.toSpecification(ZoneId.of("Asia/Shanghai"), Instant.now(), common)))
                    .as("common=" + common).hasSize(1);
        }
    }

    /**
     * A search counts no further than its cap: past it the total is the cap and says it is not exact. (The rows
     * are copies of a letter's register row, written straight into the read model and removed after.)
     */
    @Test
    void aSearchCountsItsMatchesUpToTheCap() {
        String marker = "鸾凤" + System.nanoTime() % 1000;
        String copies = """
                INSERT INTO register_entry (letter_id, serial_no, received_at, sender_name, sender_info, subject,
                    core_request, attachment_list, department, status, channel, category, urgent, overdue, at_risk,
                    open_corrections, open_disputes, version, open_commitments)
                SELECT gen_random_uuid()::text, 'Q' || substr(md5(random()::text), 1, 8) || lpad(i::text, 6, '0'),
                       received_at - i * interval '1 second', sender_name, sender_info, ? || subject, core_request,
                       attachment_list, department, status, channel, category, urgent, overdue, at_risk,
                       open_corrections, open_disputes, version, open_commitments
                FROM register_entry, generate_series(1, ?) AS i
                WHERE serial_no = ?""";
        try {
            jdbc.update(copies, marker, 1000, leak);
            Reply atCap = ok(get("handler", "/api/register?q=" + marker + "&size=5"));
            assertThat(atCap.body().get("total").asLong()).isEqualTo(1000);
            assertThat(atCap.body().get("totalExact").asBoolean()).isTrue();
            assertThat(atCap.body().get("items")).hasSize(5);

            jdbc.update(copies, marker, 1, leak);
            Reply pastCap = ok(get("handler", "/api/register?q=" + marker + "&size=5"));
            assertThat(pastCap.body().get("total").asLong()).isEqualTo(1000);
            assertThat(pastCap.body().get("totalExact").asBoolean()).isFalse();
            assertThat(pastCap.body().get("items")).hasSize(5);

            Reply unfiltered = ok(get("handler", "/api/register?" + range));
            assertThat(unfiltered.body().get("totalExact").asBoolean()).as("a total without q is exact").isTrue();
        } finally {
            jdbc.update("DELETE FROM register_entry WHERE subject LIKE ?", marker + "%");
        }
    }

    private List<String> letterIds(org.springframework.data.jpa.domain.Specification<RegisterEntry> spec) {
        try (Session session = entityManagerFactory.unwrap(SessionFactory.class).openSession()) {
            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<String> query = cb.createQuery(String.class);
            Root<RegisterEntry> root = query.from(RegisterEntry.class);
            query.select(root.get("letterId")).where(spec.toPredicate(root, query, cb));
            return session.createQuery(query).getResultList();
        }
    }

    @Test
    void asciiIgnoresCase() {
        assertThat(serials("q=NORTHWIND")).containsExactly(leak);
        assertThat(serials("q=trad")).containsExactly(leak);
        assertThat(serials("q=N")).containsExactly(leak);
        assertThat(serials("q=DERS")).containsExactly(leak);
    }

    @Test
    void findsNothingThatNoSingleColumnHolds() {
        // "修" ends the subject and "楼" begins the core request: no column holds "修楼".
        assertThat(serials("q=修楼")).isEmpty();
        assertThat(serials("q=夜间漏水报")).as("every pair is in the letter, the whole in no column").isEmpty();
        assertThat(serials("q=夜间漏水")).containsExactly(leak);
        assertThat(serials("q=漏_")).as("_ is literal").isEmpty();
        assertThat(serials("q=鸳鸯")).isEmpty();
    }

    /**
     * The statement Hibernate sends for a two-character Chinese q can be answered by the GIN index: the planner
     * inlines the search function and matches the index's expression. (With the sequential scan disabled only to
     * see that the index is usable at all; on a test database of a few rows the scan is rightly cheaper. Whether
     * it pays is measured on a loaded store.)
     */
    @Test
    void aTwoCharacterQueryCanUseTheGramIndex() {
        List<String> statements = new CopyOnWriteArrayList<>();
        RegisterFilter filter = new RegisterFilter(null, null, null, null, null, null, null, null, "漏水");
        SessionFactory sessions = entityManagerFactory.unwrap(SessionFactory.class);
        UnaryOperator<String> recorder = sql -> {
            statements.add(sql);
            return sql;
        };
        try (Session session = sessions.withOptions().statementInspector(recorder).openSession()) {
            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<String> query = cb.createQuery(String.class);
            Root<RegisterEntry> root = query.from(RegisterEntry.class);
            query.select(root.get("letterId"))
                    .where(filter.toSpecification(ZoneId.of("Asia/Shanghai"), Instant.now())
                            .toPredicate(root, query, cb));
            assertThat(session.createQuery(query).getResultList()).isNotEmpty();
        }
        assertThat(statements).hasSize(1);
        String sql = statements.get(0);
        assertThat(sql).contains("letterdesk_register_search(");

        // The index condition and LIKE over the three columns: the search text, then its pattern three times (or
        // only the patterns, if Hibernate wrote the function's argument as a literal).
        long parameters = sql.chars().filter(c -> c == '?').count();
        assertThat(parameters).as(sql).isBetween(3L, 4L);
        List<String> values = new ArrayList<>(parameters == 4 ? List.of("漏水") : List.of());
        values.addAll(List.of("%漏水%", "%漏水%", "%漏水%"));

        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET enable_seqscan = off");
                try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                    for (int i = 0; i < values.size(); i++) {
                        explain.setString(i + 1, values.get(i));
                    }
                    StringBuilder lines = new StringBuilder();
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            lines.append(rows.getString(1)).append('\n');
                        }
                    }
                    return lines.toString();
                } finally {
                    settings.execute("RESET enable_seqscan");
                }
            }
        });
        assertThat(plan).as(sql).contains("Bitmap Index Scan on register_entry_search_grams_idx")
                .doesNotContain("Seq Scan");
    }
}
