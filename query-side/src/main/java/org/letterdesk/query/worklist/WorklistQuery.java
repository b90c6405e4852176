package org.letterdesk.query.worklist;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.letterdesk.events.Department;
import org.letterdesk.query.Paging;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the work list in working order: what is due first, then urgent letters, then by register number. Letters
 * with nothing due (e.g. only a correction awaiting sign-off) come last.
 */
@Component
class WorklistQuery {

    private final EntityManager entityManager;

    WorklistQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    record Result(List<WorklistEntry> entries, long total) {
    }

    @Transactional(readOnly = true)
    Result find(Department department, String assignee, Paging paging) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();

        CriteriaQuery<WorklistEntry> select = cb.createQuery(WorklistEntry.class);
        Root<WorklistEntry> root = select.from(WorklistEntry.class);
        select.where(filters(cb, root, department, assignee))
                .orderBy(cb.asc(root.get("nextDue"), Nulls.LAST), cb.desc(root.get("urgent")),
                        cb.asc(root.get("serialNo")));
        List<WorklistEntry> entries = entityManager.createQuery(select)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<WorklistEntry> counted = count.from(WorklistEntry.class);
        count.select(cb.count(counted)).where(filters(cb, counted, department, assignee));
        return new Result(entries, entityManager.createQuery(count).getSingleResult());
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<WorklistEntry> root, Department department,
                                       String assignee) {
        List<Predicate> where = new ArrayList<>();
        if (department != null) {
            where.add(cb.equal(root.get("department"), department));
        }
        if (assignee != null) {
            where.add(cb.equal(root.get("assignee"), assignee));
        }
        return where.toArray(Predicate[]::new);
    }
}
