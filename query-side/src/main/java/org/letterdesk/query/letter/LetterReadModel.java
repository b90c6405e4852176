package org.letterdesk.query.letter;

/**
 * A table derived from the letter view. The letter projection folds each event into the view and then hands the
 * new view to every read model, in the same transaction, so all of a letter's rows move together.
 */
public interface LetterReadModel {

    /** Store what this read model keeps of the letter as it now is. Must be idempotent. */
    void update(LetterView view);

    /** Forget everything, before a replay rebuilds it. */
    void reset();
}
