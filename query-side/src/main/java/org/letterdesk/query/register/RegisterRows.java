package org.letterdesk.query.register;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.letterdesk.database.LongStatements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Reads the whole register in order for an export without ever holding it in memory: one query over a database
 * cursor (PostgreSQL only streams with a fetch size inside a transaction), entities read-only and detached every
 * {@value #BATCH} rows, so memory stays flat whether the export has ten rows or a hundred thousand. The transaction
 * lasts as long as the download (a CSV goes out while it is read) and its first statement may sort the whole
 * register: it is allowed {@code letterdesk.database.long-statement-timeout} instead of the ordinary bounds.
 */
@Component
class RegisterRows {

    static final int BATCH = 500;

    /** Receives each row; it may write to the client, hence the IOException. */
    @FunctionalInterface
    interface RowHandler {
        void accept(RegisterEntry entry) throws IOException;
    }

    private final EntityManager entityManager;
    private final TransactionTemplate readOnly;

    private final Duration longStatementTimeout;

    RegisterRows(EntityManager entityManager, PlatformTransactionManager transactions,
                 @Value("${letterdesk.database.long-statement-timeout:PT1H}") Duration longStatementTimeout) {
        this.entityManager = entityManager;
        this.longStatementTimeout = longStatementTimeout;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Hands every matching row, in {@code sort} order, to {@code handler}; returns how many there were. */
    long forEach(Specification<RegisterEntry> filter, Sort sort, RowHandler handler) throws IOException {
        try {
            return readOnly.execute(status -> {
                entityManager.unwrap(Session.class).doWork(connection ->
                        LongStatements.liftForTransaction(connection, longStatementTimeout));
                try (Stream<RegisterEntry> rows = query(filter, sort)) {
                    long count = 0;
                    for (Iterator<RegisterEntry> it = rows.iterator(); it.hasNext(); ) {
                        handler.accept(it.next());
                        if (++count % BATCH == 0) {
                            entityManager.clear();
                        }
                    }
                    return count;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** How many rows match (a whole register's count may take longer than the ordinary bound, as its read may). */
    long count(Specification<RegisterEntry> filter) {
        return readOnly.execute(status -> {
            entityManager.unwrap(Session.class).doWork(connection ->
                    LongStatements.liftForTransaction(connection, longStatementTimeout));
            CriteriaBuilder cb = entityManager.getCriteriaBuilder();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            Root<RegisterEntry> root = filtered(query, filter, cb);
            return entityManager.createQuery(query.select(cb.count(root))).getSingleResult();
        });
    }

    private Stream<RegisterEntry> query(Specification<RegisterEntry> filter, Sort sort) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<RegisterEntry> query = cb.createQuery(RegisterEntry.class);
        Root<RegisterEntry> root = filtered(query, filter, cb);
        query.orderBy(QueryUtils.toOrders(sort, root, cb));
        return entityManager.createQuery(query)
                .setHint(HibernateHints.HINT_FETCH_SIZE, BATCH)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream();
    }

    /** The register as the query's root, restricted by the filter. */
    private static Root<RegisterEntry> filtered(CriteriaQuery<?> query, Specification<RegisterEntry> filter,
                                                CriteriaBuilder cb) {
        Root<RegisterEntry> root = query.from(RegisterEntry.class);
        Predicate where = filter.toPredicate(root, query, cb);
        if (where != null) {
            query.where(where);
        }
        return root;
    }
}
