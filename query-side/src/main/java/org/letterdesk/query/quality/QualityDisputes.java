package org.letterdesk.query.quality;

import org.springframework.data.jpa.repository.JpaRepository;

interface QualityDisputes extends JpaRepository<QualityDispute, LetterItemKey> {
}
