package org.letterdesk.query.commitment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CommitmentEntries extends JpaRepository<CommitmentEntry, CommitmentEntry.Key>,
        JpaSpecificationExecutor<CommitmentEntry> {
}
