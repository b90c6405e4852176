package org.letterdesk.query.quality;

import org.springframework.data.jpa.repository.JpaRepository;

interface QualityDrafts extends JpaRepository<QualityDraft, LetterItemKey> {
}
