package org.letterdesk.query.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.letterdesk.events.Department;
import org.letterdesk.query.letter.LetterView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One reply draft: when it was written, how many wording findings (专业性) its check raised, its letter's current
 * department, and when the letter's draft before it, and its draft with findings before it, were written. With
 * those two a month's drafted letters are counted from the month's drafts alone, whatever the month's zone: a letter
 * counts at its first draft in the month (the one before it, if any, is older than the month's start), and counts
 * with findings at its first draft with findings in the month. Grouping the month's drafts by letter instead hashed
 * every letter id of the month on each analysis (docs/benchmarks.md).
 */
@Entity
@Table(name = "quality_draft")
@IdClass(LetterItemKey.class)
public class QualityDraft {

    @Id
    @Column(name = "letter_id")
    private String letterId;
    @Id
    @Column(name = "draft_no")
    private int no;
    @Column(name = "drafted_at", nullable = false)
    private Instant draftedAt;
    @Column(name = "findings", nullable = false)
    private int findings;
    /** The letter's current department (null while unassigned), so the analysis needs no join to the letter. */
    @Enumerated(EnumType.STRING)
    @Column(name = "department")
    private Department department;
    /** When the letter's draft before this one was written; null for its first. */
    @Column(name = "previous_drafted_at")
    private Instant previousDraftedAt;
    /** For a draft with findings: when the letter's draft with findings before it was written; null otherwise. */
    @Column(name = "previous_findings_at")
    private Instant previousFindingsAt;

    protected QualityDraft() {
    }

    LetterItemKey key() {
        return new LetterItemKey(letterId, no);
    }

    /** The rows of a letter's drafts, each with its predecessors, in the order they were written. */
    static List<QualityDraft> of(String letterId, Department department, List<LetterView.Draft> drafts) {
        List<LetterView.Draft> written = new ArrayList<>(drafts);
        // Drafts are numbered as they are written; the number breaks a tie of equal times.
        written.sort(Comparator.comparing((LetterView.Draft d) -> d.draftedAt).thenComparingInt(d -> d.draftNo));
        List<QualityDraft> rows = new ArrayList<>(written.size());
        Instant previousDraft = null;
        Instant previousWithFindings = null;
        for (LetterView.Draft draft : written) {
            QualityDraft d = new QualityDraft();
            d.letterId = letterId;
            d.no = draft.draftNo;
            d.draftedAt = draft.draftedAt;
            d.findings = draft.findings.size();
            d.department = department;
            d.previousDraftedAt = previousDraft;
            if (d.findings > 0) {
                d.previousFindingsAt = previousWithFindings;
                previousWithFindings = draft.draftedAt;
            }
            previousDraft = draft.draftedAt;
            rows.add(d);
        }
        return rows;
    }

    int no() {
        return no;
    }

    Instant previousDraftedAt() {
        return previousDraftedAt;
    }

    Instant previousFindingsAt() {
        return previousFindingsAt;
    }
}
