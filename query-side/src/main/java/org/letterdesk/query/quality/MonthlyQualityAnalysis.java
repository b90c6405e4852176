package org.letterdesk.query.quality;

import org.letterdesk.events.Department;
import org.letterdesk.events.FoundBy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns a month's counts into the analysis: one row per department, always in the same order, and the total. */
@Component
class MonthlyQualityAnalysis {

    static final String ALL = "ALL";

    /** The rows of the analysis: every department, then letters never assigned. */
    static final List<String> ROWS = Stream.concat(Arrays.stream(Department.values()).map(Enum::name),
            Stream.of(QualityFactsQuery.UNASSIGNED)).toList();

    private final QualityFactsQuery facts;
    private final LoopFacts loopFacts;
    private final ProcedureAnalysis procedures;
    private final SupervisionFacts supervisionFacts;
    private final SnapshotFork fork;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    MonthlyQualityAnalysis(QualityFactsQuery facts, LoopFacts loopFacts, ProcedureAnalysis procedures,
                           SupervisionFacts supervisionFacts, SnapshotFork fork, JdbcTemplate jdbc,
                           PlatformTransactionManager transactions) {
        this.facts = facts;
        this.loopFacts = loopFacts;
        this.procedures = procedures;
        this.supervisionFacts = supervisionFacts;
        this.fork = fork;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * @param department one of {@link #ROWS}, or null for all of them. Every count of the analysis is read from one
     *                   snapshot, so the figures agree with each other even while the projection writes. The
     *                   month's activity (drafts, corrections, disputes) is read on a second connection in the same
     *                   snapshot while this one reads the letters' figures and the other sections: on the largest
     *                   store the drafts' and the letters' statements take ~60 ms each (docs/benchmarks.md).
     */
    MonthlyQuality analyse(AnalysisMonth month, String department, Instant now) {
        return snapshot.execute(status -> {
            monthSettings();
            return analyseInSnapshot(month, department, now);
        });
    }

    /**
     * For this transaction only: the month's drafted letters are grouped by letter in a hash table of ~70 000 entries
     * at 2.3 M letters (15 MB), which past work_mem (4 MB by default) spilled to disk in five batches (measured: 71 ms
     * against 63 ms for the drafts' statement).
     */
    private void monthSettings() {
        jdbc.queryForList("SELECT set_config('work_mem', '32MB', true)");
    }

    private MonthlyQuality analyseInSnapshot(AnalysisMonth month, String department, Instant now) {
        SnapshotFork.Forked<Map<String, QualityCounts>> activity = fork.fork(() -> {
            monthSettings();
            return facts.activityCounts(month);
        });
        try {
            return analyseInSnapshot(month, department, now, activity);
        } finally {
            activity.abandon();
        }
    }

    private MonthlyQuality analyseInSnapshot(AnalysisMonth month, String department, Instant now,
                                             SnapshotFork.Forked<Map<String, QualityCounts>> activity) {
        String totalName = department == null ? ALL : department;
        Map<String, QualityCounts> counts = new HashMap<>(facts.letterCounts(month, now));
        Map<String, LoopCounts> loop = loopFacts.countsByDepartment(month, now);
        MonthlyQuality.Supervision supervision = supervision(month, department, totalName);
        MonthlyQuality.PetitionsAndReferrals petitionsAndReferrals =
                procedures.analyse(month, department == null ? ROWS : List.of(department), totalName, now);
        activity.join().forEach((row, c) -> counts.merge(row, c, QualityCounts::plus));
        List<QualityFigures> rows = new ArrayList<>();
        List<LoopFigures> loopRows = new ArrayList<>();
        QualityCounts total = QualityCounts.NONE;
        LoopCounts loopTotal = LoopCounts.NONE;
        for (String row : ROWS) {
            if (department == null || department.equals(row)) {
                QualityCounts c = counts.getOrDefault(row, QualityCounts.NONE);
                LoopCounts l = loop.getOrDefault(row, LoopCounts.NONE);
                rows.add(QualityFigures.of(row, c, l.commitmentsMissed()));
                loopRows.add(LoopFigures.of(row, l, callbackErrors(c)));
                total = total.plus(c);
                loopTotal = loopTotal.plus(l);
            }
        }
        return new MonthlyQuality(month.month().toString(), month.zone().getId(), rows,
                QualityFigures.of(totalName, total, loopTotal.commitmentsMissed()),
                new MonthlyQuality.QualityLoop(loopRows, LoopFigures.of(totalName, loopTotal, callbackErrors(total))),
                petitionsAndReferrals, supervision);
    }

    private MonthlyQuality.Supervision supervision(AnalysisMonth month, String department, String totalName) {
        Map<String, SupervisionCounts> counts = supervisionFacts.countsByDepartment(month);
        List<SupervisionFigures> rows = new ArrayList<>();
        SupervisionCounts total = SupervisionCounts.NONE;
        for (String row : ROWS) {
            if (department == null || department.equals(row)) {
                SupervisionCounts c = counts.getOrDefault(row, SupervisionCounts.NONE);
                rows.add(SupervisionFigures.of(row, c));
                total = total.plus(c);
            }
        }
        return new MonthlyQuality.Supervision(rows, SupervisionFigures.of(totalName, total));
    }

    private static long callbackErrors(QualityCounts c) {
        return c.correctionsByFoundBy().getOrDefault(FoundBy.CUSTOMER_CALLBACK, 0L);
    }
}
