package org.letterdesk.query.dispute;

import org.letterdesk.query.letter.LetterReadModel;
import org.letterdesk.query.letter.LetterView;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps the dispute record book (争议处理记录簿): one row per dispute of each letter. */
@Component
class DisputeReadModel implements LetterReadModel {

    private final DisputeEntries book;

    DisputeReadModel(DisputeEntries book) {
        this.book = book;
    }

    @Override
    public void update(LetterView view) {
        if (view.disputes.isEmpty()) {
            return;
        }
        // One query per letter, not per dispute: update() runs after every event of a letter.
        Map<Integer, DisputeEntry> stored = book.findByLetterId(view.letterId).stream()
                .collect(Collectors.toMap(DisputeEntry::getDisputeNo, Function.identity()));
        for (LetterView.Dispute dispute : view.disputes) {
            if (dispute.recordedAt == null) {
                continue; // only a deadline seen so far; the book starts with the record
            }
            DisputeEntry entry = stored.getOrDefault(dispute.disputeNo,
                    new DisputeEntry(view.letterId, dispute.disputeNo));
            entry.refresh(view, dispute);
            book.save(entry);
        }
    }

    @Override
    public void reset() {
        book.deleteAllInBatch();
    }
}
