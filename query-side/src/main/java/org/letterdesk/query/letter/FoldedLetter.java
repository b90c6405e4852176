package org.letterdesk.query.letter;

import org.letterdesk.events.LetterEvent;

import java.time.Instant;

/** A letter being folded: its stored row, and its view after the events seen so far. */
public final class FoldedLetter {

    final StoredLetterView stored;
    final LetterView view;
    private Instant at;

    FoldedLetter(StoredLetterView stored, LetterView view) {
        this.stored = stored;
        this.view = view;
    }

    /** A letter the read models have never seen. */
    public static FoldedLetter fresh(String letterId) {
        return new FoldedLetter(new StoredLetterView(letterId), new LetterView());
    }

    public String letterId() {
        return stored.letterId();
    }

    /** True when the stored view exists, i.e. the read models may already hold rows of this letter. */
    public boolean isStored() {
        return stored.version() >= 0;
    }

    /** Folds one event in; an event at or below the view's version was already applied and is skipped. */
    public void apply(LetterEvent event, long sequence, Instant at, String user) {
        if (sequence <= view.version) {
            return;
        }
        view.apply(event, new LetterView.EventContext(sequence, at, user));
        this.at = at;
    }

    boolean changed() {
        return view.version > stored.version();
    }

    Instant lastEventAt() {
        return at;
    }
}
