package org.letterdesk.query.letter;

import java.util.List;

/**
 * A table derived from the letter view. The letter projection folds each event into the view and then hands the
 * new view to every read model, in the same transaction, so all of a letter's rows move together.
 */
public interface LetterReadModel {

    /** Store what this read model keeps of the letter as it now is. Must be idempotent. */
    void update(LetterView view);

    /**
     * The letters of the batch about to be processed, each with its view as stored before the batch (absent for a
     * letter the projection has not seen: it has no rows anywhere yet). A read model may read its rows of these
     * letters now, in one query, so that its {@link #update}s need no reads of their own.
     */
    default void prefetch(BatchLetters letters) {
    }

    /**
     * Called once per processed batch, after {@link #update} was called for each letter the batch changed and in
     * the same transaction: the place to write what is accumulated over a batch.
     */
    default void batchWritten() {
    }

    /**
     * The tables this read model keeps; a replay empties them (with one {@code TRUNCATE} of every read model's
     * tables, which leaves no dead rows behind for the replay's inserts to wade through).
     */
    List<String> tables();
}
