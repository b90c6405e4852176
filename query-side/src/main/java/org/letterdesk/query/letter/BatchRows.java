package org.letterdesk.query.letter;

import jakarta.persistence.EntityManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One read-model table's rows of the letters in the batch being projected, read with one query when the batch
 * starts ({@link LetterReadModel#prefetch}), and only for the letters whose stored view says they can have such
 * rows (a letter new to the projection has none). Afterwards the table's rows of the batch's letters are known: a
 * row that was not found is new and is inserted without the select that JPA's merge would otherwise issue, and one
 * that was found is already in the persistence context. For a letter outside the batch it falls back to plain JPA.
 *
 * @param <E> the entity; it must have a {@code letterId} attribute
 * @param <K> its id
 */
public final class BatchRows<E, K> {

    private final EntityManager entityManager;
    private final Class<E> type;
    private final Function<E, K> idOf;
    private final String resourceKey;

    public BatchRows(EntityManager entityManager, Class<E> type, Function<E, K> idOf) {
        this.entityManager = entityManager;
        this.type = type;
        this.idOf = idOf;
        this.resourceKey = BatchRows.class.getName() + "." + type.getName();
    }

    private record Loaded<E, K>(Set<String> letterIds, Map<K, E> rows) {
    }

    /**
     * Makes the rows of the batch's letters known: those of {@code candidates} are read (with one query), the
     * other letters of the batch have none.
     */
    public void prefetch(BatchLetters letters, Set<String> candidates) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<K, E> rows = new HashMap<>();
        if (!candidates.isEmpty()) {
            entityManager.createQuery("SELECT e FROM " + entityManager.getMetamodel().entity(type).getName()
                            + " e WHERE e.letterId IN :ids", type)
                    .setParameter("ids", candidates)
                    .getResultList()
                    .forEach(row -> rows.put(idOf.apply(row), row));
        }
        CurrentUnitOfWork.get().root().resources().put(resourceKey, new Loaded<>(letters.all(), rows));
    }

    @SuppressWarnings("unchecked")
    private Optional<Loaded<E, K>> loaded(String letterId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        Loaded<E, K> loaded = (Loaded<E, K>) CurrentUnitOfWork.get().root().resources().get(resourceKey);
        return loaded != null && loaded.letterIds().contains(letterId) ? Optional.of(loaded) : Optional.empty();
    }

    public Optional<E> find(String letterId, K id) {
        return loaded(letterId).map(loaded -> Optional.ofNullable(loaded.rows().get(id)))
                .orElseGet(() -> Optional.ofNullable(entityManager.find(type, id)));
    }

    /** Inserts or updates the row; {@code row} may be a fresh instance carrying the row's whole new state. */
    public void save(String letterId, E row) {
        K id = idOf.apply(row);
        Optional<Loaded<E, K>> loaded = loaded(letterId);
        if (loaded.isEmpty()) {
            entityManager.merge(row);
        } else if (loaded.get().rows().containsKey(id)) {
            loaded.get().rows().put(id, entityManager.merge(row));
        } else {
            entityManager.persist(row);
            loaded.get().rows().put(id, row);
        }
    }

    /**
     * Deletes the row when the batch is written. The projection writes each letter once per batch, after folding all
     * of its events, so a row is never deleted and inserted again within one batch.
     */
    public void delete(String letterId, E row) {
        E managed = entityManager.contains(row) ? row : entityManager.merge(row);
        entityManager.remove(managed);
        loaded(letterId).ifPresent(loaded -> loaded.rows().remove(idOf.apply(row)));
    }
}
