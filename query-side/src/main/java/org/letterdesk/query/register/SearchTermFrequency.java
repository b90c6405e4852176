package org.letterdesk.query.register;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How common a search text is in the register, from the statistics PostgreSQL keeps of the n-gram index's
 * expression (the most common n-grams and the share of rows holding each, refreshed by ANALYZE). A text's share is
 * at most that of its rarest n-gram; an n-gram not among the most common is rare by definition, and so is every
 * text while no statistics exist (a new or small register).
 * <p>
 * Why the register asks: the n-gram index answers a rare text at once, but for a common one it must list every
 * matching row before the first is read (a two-character word of everyday complaints matched 860 000 of 2.3 M
 * letters), while a scan in date order with the cheap LIKE stops after a page's worth. The planner cannot see that
 * for itself, because it multiplies the index condition's estimate with the LIKE's as if they were independent.
 * For a text of three characters or more the rarest pair's share is an upper bound: a text whose pairs are common
 * but which is itself rare is read by LIKE further than it need be (at worst the whole register, for a page).
 */
@Component
public class SearchTermFrequency {

    /**
     * From this share on, a page is found by LIKE in the page's order: it passes over ~20 / share rows (≤ 4 000, a few
     * ms), where the index would sort every match (~6 µs each: 11 000 matches, ~70 ms).
     */
    static final double COMMON_FOR_PAGE = 0.005;
    /**
     * From this share on, the capped count is done by LIKE: it reads ~1 001 / share rows (≤ 10 000, ~20 ms), where
     * the index would first list every row holding the text's rarest n-gram (230 000 and more, ~50 ms and more).
     */
    static final double COMMON_FOR_COUNT = 0.10;

    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final String STATISTICS = """
            SELECT most_common_elems::text::text[], most_common_elem_freqs
            FROM pg_stats
            WHERE schemaname = current_schema() AND tablename = 'register_entry_search_grams_idx'""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);

    SearchTermFrequency(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a page of {@code text} (lower-cased, as the index holds it) is better found without the index. */
    public boolean commonForPage(String text) {
        return share(text) >= COMMON_FOR_PAGE;
    }

    /** Whether the capped count of {@code text} is better done without the index. */
    public boolean commonForCount(String text) {
        return share(text) >= COMMON_FOR_COUNT;
    }

    /** The estimated share of register rows holding {@code text}: that of its rarest n-gram. */
    public double share(String text) {
        Map<String, Double> common = current();
        if (common.isEmpty()) {
            return 0;
        }
        int[] chars = text.codePoints().toArray();
        if (chars.length == 1) {
            return common.getOrDefault(new String(chars, 0, 1), 0.0);
        }
        double share = 1;
        for (int i = 0; i + 1 < chars.length; i++) {
            share = Math.min(share, common.getOrDefault(new String(chars, i, 2), 0.0));
        }
        return share;
    }

    /** Reads the statistics now instead of at the next refresh (after an ANALYZE the caller ran). */
    public void refresh() {
        snapshot = new Snapshot(read(), clock.instant());
    }

    private Map<String, Double> current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s.readAt.plus(REFRESH).isBefore(now)) {
            s = new Snapshot(read(), now);
            snapshot = s;
        }
        return s.common;
    }

    private Map<String, Double> read() {
        Map<String, Double> common = new HashMap<>();
        jdbc.query(STATISTICS, rs -> {
            Array elements = rs.getArray(1);
            Array freqs = rs.getArray(2);
            if (elements == null || freqs == null) {
                return;
            }
            String[] grams = (String[]) elements.getArray();
            Number[] shares = (Number[]) freqs.getArray(); // real[]: the grams' shares, then min, max and nulls
            for (int i = 0; i < grams.length && i < shares.length; i++) {
                common.merge(grams[i], shares[i].doubleValue(), Math::max);
            }
        });
        return Map.copyOf(common);
    }

    private record Snapshot(Map<String, Double> common, Instant readAt) {
    }
}
