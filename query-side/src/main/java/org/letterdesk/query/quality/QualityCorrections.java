package org.letterdesk.query.quality;

import org.springframework.data.jpa.repository.JpaRepository;

interface QualityCorrections extends JpaRepository<QualityCorrection, LetterItemKey> {
}
