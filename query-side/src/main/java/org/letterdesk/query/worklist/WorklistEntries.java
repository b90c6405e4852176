package org.letterdesk.query.worklist;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorklistEntries extends JpaRepository<WorklistEntry, String> {
}
