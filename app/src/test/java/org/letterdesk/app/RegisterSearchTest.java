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

    private String range;
    private String leak;
    private String fibre;

    @BeforeEach
    void twoLetters() {
        int year = freshYear();
        range = "from=" + year + "-01-01&to=" + year + "-12-31";
        leak = register(year + "-04-02T10:00:00+08:00", "暖气片漏水报修", "楼道暖气片夜间漏水",
                Map.of("name", "欧阳明", "organization", "Northwind Traders", "phone", "13900000011"));
        fibre = register(year + "-04-03T10:00:00+08:00", "宽带安装预约", "希望周六上门安装光纤",
                Map.of("name", "司马静", "phone", "13900000012"));
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

        // Two characters are decided by the index alone, no LIKE: one parameter, the search text (none if
        // Hibernate wrote it as a literal).
        long parameters = sql.chars().filter(c -> c == '?').count();
        assertThat(parameters).as(sql).isLessThanOrEqualTo(1);
        List<String> values = parameters == 1 ? List.of("漏水") : List.of();

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
