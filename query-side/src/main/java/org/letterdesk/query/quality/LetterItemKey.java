package org.letterdesk.query.quality;

import java.io.Serializable;
import java.util.Objects;

/** Key of a numbered item of a letter (draft, correction, dispute): the letter and the item's number in it. */
public class LetterItemKey implements Serializable {

    private String letterId;
    private int no;

    protected LetterItemKey() {
    }

    public LetterItemKey(String letterId, int no) {
        this.letterId = letterId;
        this.no = no;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LetterItemKey k && no == k.no && Objects.equals(letterId, k.letterId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(letterId, no);
    }
}
