package org.letterdesk.query.quality;

import org.springframework.data.jpa.repository.JpaRepository;

interface QualityLetterFacts extends JpaRepository<QualityLetterFact, String> {
}
