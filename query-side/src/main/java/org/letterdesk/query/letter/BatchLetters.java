package org.letterdesk.query.letter;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The letters of one projection batch and their views as stored before it. A letter without a stored view is new
 * to the projection, so no read model has a row of it yet.
 */
public record BatchLetters(Map<String, LetterView> stored, Set<String> unseen) {

    public BatchLetters {
        stored = Map.copyOf(stored);
        unseen = Set.copyOf(unseen);
    }

    /** Letters whose stored view satisfies the condition: those that can already have the rows it stands for. */
    public Set<String> storedWhere(Predicate<LetterView> condition) {
        return stored.entrySet().stream().filter(e -> condition.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    public Set<String> all() {
        Set<String> all = new java.util.HashSet<>(stored.keySet());
        all.addAll(unseen);
        return all;
    }
}
