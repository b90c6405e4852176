package org.letterdesk.query.dispute;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DisputeEntries extends JpaRepository<DisputeEntry, DisputeEntry.Key>,
        JpaSpecificationExecutor<DisputeEntry> {
}
