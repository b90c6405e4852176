package org.letterdesk.query.register;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One page of the register in two steps: the page's letter ids first, then only those rows. Where an index holds
 * the filter's columns, the order and the id (department, status, newest first: migration V9), the first step
 * reads index pages only, and the rows skipped by the page's offset are never fetched from the table; on a
 * register larger than memory that is one table page read per row shown instead of one per row passed over.
 * Both steps read one snapshot.
 */
@Component
class RegisterPages {

    private final EntityManager entityManager;
    private final RegisterEntries register;
    private final TransactionTemplate snapshot;

    RegisterPages(EntityManager entityManager, RegisterEntries register, PlatformTransactionManager transactions) {
        this.entityManager = entityManager;
        this.register = register;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    List<RegisterEntry> page(Specification<RegisterEntry> filter, Pageable page) {
        return snapshot.execute(status -> {
            pageSettings();
            return rows(filter, page);
        });
    }

    /** A search's page and how many rows match it, up to {@code cap + 1}. */
    record Found(List<RegisterEntry> page, long matching) {
    }

    /**
     * A page and a count up to {@code cap + 1} of the rows matching {@code countFilter}, from one snapshot: a search
     * for a common word matches a large part of the register, and its exact number would cost a pass over all of it
     * (seconds at 2.3 M letters) for a figure nobody pages through. The two filters select the same rows; they may
     * differ in how (see RegisterFilter).
     */
    Found pageCountingUpTo(Specification<RegisterEntry> pageFilter, Pageable page,
                           Specification<RegisterEntry> countFilter, int cap) {
        return snapshot.execute(status -> {
            pageSettings();
            List<RegisterEntry> rows = rows(pageFilter, page);
            return new Found(rows, ids(countFilter, 0, cap + 1, Sort.unsorted()).size());
        });
    }

    private List<RegisterEntry> rows(Specification<RegisterEntry> filter, Pageable page) {
        List<String> ids = ids(filter, Math.toIntExact(page.getOffset()), page.getPageSize(), page.getSort());
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, RegisterEntry> rows = register.findAllById(ids).stream()
                .collect(Collectors.toMap(RegisterEntry::getLetterId, Function.identity()));
        return ids.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    /**
     * For this transaction only. A page stops after a few rows; starting parallel workers for it cost more than the
     * page itself (measured: 3 ms serial, 60 ms with two workers on two busy cores). A search through the n-gram
     * index collects its matches in a bitmap, which past work_mem (4 MB by default) keeps whole table pages instead
     * of rows, and then every row of those pages has its n-grams computed again (~50 µs a row: seconds for a word in
     * 5 % of 2.3 M letters); 32 MB keeps a bitmap of every row of such a register exact.
     */
    private void pageSettings() {
        entityManager.createNativeQuery("SELECT set_config('max_parallel_workers_per_gather', '0', true), "
                + "set_config('work_mem', '32MB', true)").getSingleResult();
    }

    private List<String> ids(Specification<RegisterEntry> filter, int offset, int limit, Sort sort) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<String> query = cb.createQuery(String.class);
        Root<RegisterEntry> root = query.from(RegisterEntry.class);
        query.select(root.get("letterId"));
        Predicate where = filter.toPredicate(root, query, cb);
        if (where != null) {
            query.where(where);
        }
        query.orderBy(QueryUtils.toOrders(sort, root, cb));
        return entityManager.createQuery(query)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }
}
