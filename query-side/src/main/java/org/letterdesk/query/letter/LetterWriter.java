package org.letterdesk.query.letter;

import org.letterdesk.database.LongStatements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads letters' stored views and writes folded letters to the letter view and every {@link LetterReadModel}: the
 * one write path of the live projection and of the bulk replay of a rebuild. Both call it inside an Axon unit of
 * work and a transaction; the read models keep what they read and accumulate for a batch in that unit of work.
 */
@Component
public class LetterWriter {

    private final StoredLetterViews views;
    private final List<LetterReadModel> readModels;
    private final LetterViewJson json;
    private final JdbcTemplate jdbc;

    private final Duration longStatementTimeout;

    LetterWriter(StoredLetterViews views, List<LetterReadModel> readModels, LetterViewJson json, JdbcTemplate jdbc,
                 @Value("${letterdesk.database.long-statement-timeout:PT1H}") Duration longStatementTimeout) {
        this.views = views;
        this.jdbc = jdbc;
        this.longStatementTimeout = longStatementTimeout;
        this.readModels = readModels;
        this.json = json;
    }

    /** The letters with their stored views (one query); a letter without one starts from an empty view. */
    public Map<String, FoldedLetter> load(Collection<String> letterIds) {
        Map<String, FoldedLetter> letters = new LinkedHashMap<>();
        for (StoredLetterView view : views.findAllById(new LinkedHashSet<>(letterIds))) {
            letters.put(view.letterId(), new FoldedLetter(view, json.read(view.document())));
        }
        for (String letterId : letterIds) {
            letters.computeIfAbsent(letterId, FoldedLetter::fresh);
        }
        return letters;
    }

    /**
     * Lets every read model read, with one query each, its rows of the letters about to be written, so writing them
     * needs no further reads. Call it in the unit of work that then writes them, before any event is folded into
     * {@code letters} — or at least with views that hold everything their stored versions held (drafts,
     * corrections and disputes are only ever added), so a read model asks for every row that can exist.
     */
    public void prefetch(Collection<FoldedLetter> letters) {
        Set<String> all = new LinkedHashSet<>();
        Map<String, LetterView> stored = new HashMap<>();
        for (FoldedLetter letter : letters) {
            all.add(letter.letterId());
            if (letter.isStored()) {
                stored.put(letter.letterId(), letter.view);
            }
        }
        BatchLetters batch = new BatchLetters(all, stored);
        readModels.forEach(model -> model.prefetch(batch));
    }

    /** Writes each letter that changed, then lets the read models write what they accumulated over the batch. */
    public void write(Collection<FoldedLetter> letters) {
        for (FoldedLetter letter : letters) {
            if (!letter.changed()) {
                continue; // only events already applied were seen
            }
            letter.stored.update(letter.view.version, json.write(letter.view), letter.lastEventAt());
            views.save(letter.stored);
            readModels.forEach(model -> model.update(letter.view));
        }
        readModels.forEach(LetterReadModel::batchWritten);
    }

    /** Empties the letter view and every read model, before a replay. */
    public void reset() {
        jdbc.execute("TRUNCATE TABLE " + String.join(", ", tables()));
    }

    /**
     * Refreshes the planner's statistics of every read-model table. After a {@code TRUNCATE} PostgreSQL takes the
     * tables for empty, and a statement prepared meanwhile on a pooled connection keeps a plan made for an empty
     * table (a sequential scan) until the statistics change: a replay calls this as the tables grow, and at its end.
     * On tables of millions of rows it may take longer than an ordinary statement may.
     *
     * @param indexExpressions whether to gather the statistics of index expressions too. Only the register's search
     *                         has one, and its statistics (target 1 000, V84) cost more than all the rest: on a
     *                         register of 464 000 rows 23 s against 0.35 s for its columns. While a replay fills the
     *                         tables their columns are what the writes' lookups need; the search's statistics are
     *                         gathered once, at the end.
     */
    public void analyze(boolean indexExpressions) {
        List<String> tables = tables();
        String analyze = "ANALYZE " + (indexExpressions ? String.join(", ", tables) : withColumns(tables));
        jdbc.execute((ConnectionCallback<Boolean>) connection -> LongStatements.run(connection,
                longStatementTimeout, c -> {
                    try (Statement statement = c.createStatement()) {
                        return statement.execute(analyze);
                    }
                }));
    }

    /** Each table with the list of its columns: ANALYZE with a column list leaves index expressions alone. */
    private String withColumns(List<String> tables) {
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = jdbc.queryForList("""
                    SELECT quote_ident(attname) FROM pg_attribute
                    WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped ORDER BY attnum""",
                    String.class, table);
            parts.add(columns.isEmpty() ? table : table + " (" + String.join(", ", columns) + ")");
        }
        return String.join(", ", parts);
    }

    private List<String> tables() {
        List<String> tables = new ArrayList<>(List.of("letter_view"));
        readModels.forEach(model -> tables.addAll(model.tables()));
        return tables;
    }
}
