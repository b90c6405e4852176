package org.letterdesk.query.letter;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The letters of one projection batch ({@code all}) and the views of those the projection has seen before, as
 * stored before the batch ({@code stored}). A letter without a stored view is new to the projection, so no read
 * model has a row of it yet.
 */
public record BatchLetters(Set<String> all, Map<String, LetterView> stored) {

    public BatchLetters {
        all = Set.copyOf(all);
        stored = Map.copyOf(stored);
    }

    /** Letters whose stored view satisfies the condition: those that can already have the rows it stands for. */
    public Set<String> storedWhere(Predicate<LetterView> condition) {
        return stored.entrySet().stream().filter(e -> condition.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
