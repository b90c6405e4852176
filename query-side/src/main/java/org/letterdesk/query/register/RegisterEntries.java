package org.letterdesk.query.register;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface RegisterEntries extends JpaRepository<RegisterEntry, String>, JpaSpecificationExecutor<RegisterEntry> {
}
