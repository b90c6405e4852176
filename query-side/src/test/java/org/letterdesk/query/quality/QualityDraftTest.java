package org.letterdesk.query.quality;

import org.junit.jupiter.api.Test;
import org.letterdesk.events.Department;
import org.letterdesk.events.WordingFinding;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityDraftTest {

    private static LetterView.Draft draft(int no, String at, int findings) {
        LetterView.Draft d = new LetterView.Draft();
        d.draftNo = no;
        d.draftedAt = Instant.parse(at);
        for (int i = 0; i < findings; i++) {
            d.findings.add(new WordingFinding("RULE", "text", "body", i, "suggestion"));
        }
        return d;
    }

    @Test
    void eachDraftNamesTheLettersDraftBeforeItAndItsDraftWithFindingsBeforeIt() {
        List<QualityDraft> rows = QualityDraft.of("L1", Department.BUSINESS, List.of(
                draft(1, "2025-04-30T15:40:00Z", 1),
                draft(2, "2025-05-06T01:00:00Z", 0),
                draft(3, "2025-05-07T03:00:00Z", 2),
                draft(4, "2025-05-07T05:00:00Z", 1)));

        assertThat(rows).extracting(QualityDraft::no).containsExactly(1, 2, 3, 4);
        assertThat(rows).extracting(QualityDraft::previousDraftedAt).containsExactly(null,
                Instant.parse("2025-04-30T15:40:00Z"), Instant.parse("2025-05-06T01:00:00Z"),
                Instant.parse("2025-05-07T03:00:00Z"));
        // A draft without findings has no predecessor with findings; the next with findings skips over it.
        assertThat(rows).extracting(QualityDraft::previousFindingsAt).containsExactly(null, null,
                Instant.parse("2025-04-30T15:40:00Z"), Instant.parse("2025-05-07T03:00:00Z"));
    }

    @Test
    void draftsAreTakenInTheOrderWrittenAndTheNumberBreaksATie() {
        List<QualityDraft> rows = QualityDraft.of("L2", null, List.of(
                draft(3, "2025-05-08T02:00:00Z", 0),
                draft(2, "2025-05-08T01:00:00Z", 1),
                draft(1, "2025-05-08T01:00:00Z", 1)));

        assertThat(rows).extracting(QualityDraft::no).containsExactly(1, 2, 3);
        assertThat(rows).extracting(QualityDraft::previousDraftedAt).containsExactly(null,
                Instant.parse("2025-05-08T01:00:00Z"), Instant.parse("2025-05-08T01:00:00Z"));
        // Of two drafts at the same time only the first counts as its letter's first of the month.
        assertThat(rows).extracting(QualityDraft::previousFindingsAt).containsExactly(null,
                Instant.parse("2025-05-08T01:00:00Z"), null);
    }
}
