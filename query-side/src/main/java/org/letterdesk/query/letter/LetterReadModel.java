package org.letterdesk.query.letter;

import java.util.Collection;

/**
 * A table derived from the letter view. The letter projection folds each event into the view and then hands the
 * new view to every read model, in the same transaction, so all of a letter's rows move together.
 */
public interface LetterReadModel {

    /** Store what this read model keeps of the letter as it now is. Must be idempotent. */
    void update(LetterView view);

    /**
     * The letters of the batch about to be processed: a read model may load their rows now, in one query, so that
     * its {@link #update}s find them in the transaction's persistence context instead of reading them one by one.
     */
    default void prefetch(Collection<String> letterIds) {
    }

    /**
     * Called once per processed batch, after {@link #update} was called for each letter the batch changed and in
     * the same transaction: the place to write what is accumulated over a batch.
     */
    default void batchWritten() {
    }

    /** Forget everything, before a replay rebuilds it. */
    void reset();
}
