package org.letterdesk.query.dispute;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;

public interface DisputeEntries extends JpaRepository<DisputeEntry, DisputeEntry.Key>,
        JpaSpecificationExecutor<DisputeEntry> {

    List<DisputeEntry> findByLetterId(String letterId);
}
