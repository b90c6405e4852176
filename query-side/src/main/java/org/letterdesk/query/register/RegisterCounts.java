package org.letterdesk.query.register;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * The register's counter table, {@code register_count}: the number of register rows per combination of department,
 * status, channel, category and urgency. It answers the exact total of a register query that filters on those
 * columns only, from a few thousand rows at most instead of a count over the whole register.
 */
@Component
class RegisterCounts {

    private static final String ADD = """
            INSERT INTO register_count (department, status, channel, category, urgent, shard, n)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (department, status, channel, category, urgent, shard)
            DO UPDATE SET n = register_count.n + excluded.n
            """;
    private static final String DELETE_EMPTY = """
            DELETE FROM register_count
            WHERE department = ? AND status = ? AND channel = ? AND category = ? AND urgent = ? AND shard = ?
              AND n = 0""";

    private final JdbcTemplate jdbc;

    RegisterCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the changes of one batch to the shard of the segment that processed it, in key order. The projection's
     * segments write concurrently: with a shard each they never touch the same rows (a letter's segment changes
     * only when segments are split or merged, and a total sums every shard, so it stays exact even then; the
     * order makes any wait a wait, not a deadlock). A combination left with no letters is deleted, so the table
     * holds what a replay would build.
     */
    void add(SortedMap<RegisterCountKey, Long> deltas, int shard) {
        List<Object[]> changes = new ArrayList<>();
        List<Object[]> decreased = new ArrayList<>();
        for (Map.Entry<RegisterCountKey, Long> delta : deltas.entrySet()) {
            RegisterCountKey k = delta.getKey();
            if (delta.getValue() != 0) {
                changes.add(new Object[]{k.department(), k.status(), k.channel(), k.category(), k.urgent(), shard,
                        delta.getValue()});
            }
            if (delta.getValue() < 0) {
                decreased.add(new Object[]{k.department(), k.status(), k.channel(), k.category(), k.urgent(), shard});
            }
        }
        if (!changes.isEmpty()) {
            jdbc.batchUpdate(ADD, changes);
        }
        if (!decreased.isEmpty()) {
            jdbc.batchUpdate(DELETE_EMPTY, decreased);
        }
    }

    /** The number of register rows matching the filter's department, status, channel, category and urgency. */
    long total(RegisterFilter filter) {
        Map<String, Object> equal = new LinkedHashMap<>();
        equal.put("department", filter.department() == null ? null : filter.department().name());
        equal.put("status", filter.status() == null ? null : filter.status().name());
        equal.put("channel", filter.channel() == null ? null : filter.channel().name());
        equal.put("category", filter.category() == null ? null : filter.category().name());
        equal.put("urgent", filter.urgent());
        equal.values().removeIf(Objects::isNull);
        String where = equal.keySet().stream().map(column -> column + " = ?")
                .collect(Collectors.joining(" AND ", " WHERE ", ""));
        String sql = "SELECT coalesce(sum(n), 0) FROM register_count" + (equal.isEmpty() ? "" : where);
        Long total = jdbc.queryForObject(sql, Long.class, equal.values().toArray());
        return total == null ? 0 : total;
    }
}
