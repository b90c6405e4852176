package org.letterdesk.query.letter;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredLetterViews extends JpaRepository<StoredLetterView, String> {
}
