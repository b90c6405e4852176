package org.letterdesk.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The read models the letter projection keeps besides the letter view and the register (dispute book, work list,
 * quality facts), filled for bulk-loaded letters from their stored letter views — the same derivation the schema
 * migrations that introduced these tables use for existing letters (they mirror the read models' own mapping from
 * the view). Only letters without a row yet are touched; a table that does not exist in the schema is skipped.
 * The register's counter table is counted again from the whole register.
 */
final class DerivedReadModels {

    private DerivedReadModels() {
    }

    private record Fill(String table, String sql) {
    }

    private static final List<Fill> FILLS = List.of(
            new Fill("dispute_entry", """
                    INSERT INTO dispute_entry (letter_id, dispute_no, dispute_number, serial_no, subject, department,
                        points, sender_view, organization_view, recorded_at, investigation_due, findings,
                        investigated_at, investigated_within_deadline, outcome, escalated, resolved_at, status)
                    SELECT v.letter_id, (d ->> 'disputeNo')::INTEGER,
                           (v.document ->> 'serialNo') || '-D' || (d ->> 'disputeNo'), v.document ->> 'serialNo',
                           v.document ->> 'subject', v.document ->> 'department', d ->> 'points',
                           d ->> 'senderView', d ->> 'organizationView', (d ->> 'recordedAt')::TIMESTAMPTZ,
                           (d ->> 'investigationDue')::TIMESTAMPTZ, d ->> 'findings',
                           (d ->> 'investigatedAt')::TIMESTAMPTZ, (d ->> 'investigatedWithinDeadline')::BOOLEAN,
                           d ->> 'outcome', (d ->> 'escalated')::BOOLEAN, (d ->> 'resolvedAt')::TIMESTAMPTZ,
                           CASE WHEN d ->> 'resolvedAt' IS NOT NULL THEN 'RESOLVED'
                                WHEN d ->> 'investigatedAt' IS NOT NULL THEN 'INVESTIGATED' ELSE 'OPEN' END
                    FROM bench_new_letters n JOIN letter_view v USING (letter_id)
                         CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'disputes') d
                    WHERE d ->> 'recordedAt' IS NOT NULL"""),
            // Loaded letters all end CLOSED or ARCHIVED, so this adds nothing today; kept for other generators.
            new Fill("worklist_entry", """
                    INSERT INTO worklist_entry (letter_id, serial_no, subject, received_at, department, assignee,
                        status, urgent, next_due, next_due_kind, at_risk, deadline_missed, open_corrections,
                        open_disputes, version)
                    SELECT v.letter_id, v.document ->> 'serialNo', v.document ->> 'subject',
                           (v.document ->> 'receivedAt')::TIMESTAMPTZ, v.document ->> 'department',
                           v.document ->> 'assignee', v.document ->> 'status', (v.document ->> 'urgent')::BOOLEAN,
                           next.due, next.kind, (v.document ->> 'atRisk')::BOOLEAN,
                           -- LetterView.deadlineMissed(), in SQL: overdue, any deadline missed, any investigation.
                           (v.document ->> 'overdue')::BOOLEAN OR EXISTS (SELECT 1 FROM jsonb_each(v.document ->
                               'deadlines') dl WHERE dl.value ->> 'state' = 'MISSED')
                           OR EXISTS (SELECT 1 FROM jsonb_array_elements(v.document -> 'disputes') d
                               WHERE (d ->> 'investigationMissed')::BOOLEAN),
                           (v.document ->> 'openCorrections')::INTEGER, (v.document ->> 'openDisputes')::INTEGER,
                           v.version
                    FROM bench_new_letters n JOIN letter_view v USING (letter_id)
                         LEFT JOIN LATERAL (
                        SELECT open.due, open.kind
                        FROM (SELECT (dl.value ->> 'due')::TIMESTAMPTZ AS due, dl.key AS kind
                              FROM jsonb_each(v.document -> 'deadlines') dl
                              WHERE dl.value ->> 'metAt' IS NULL AND dl.value ->> 'due' IS NOT NULL
                              UNION ALL
                              SELECT (d ->> 'investigationDue')::TIMESTAMPTZ, 'DISPUTE_INVESTIGATION'
                              FROM jsonb_array_elements(v.document -> 'disputes') d
                              WHERE d ->> 'investigatedAt' IS NULL AND d ->> 'investigationDue' IS NOT NULL) open
                        ORDER BY open.due, array_position(ARRAY ['FIRST_RESPONSE', 'REPLY', 'FOLLOW_UP',
                            'DISPUTE_INVESTIGATION'], open.kind)
                        LIMIT 1) next ON TRUE
                    WHERE v.document ->> 'status' NOT IN ('CLOSED', 'ARCHIVED')"""),
            new Fill("quality_letter_fact", """
                    INSERT INTO quality_letter_fact (letter_id, department, received_at, first_response_due,
                        first_response_met_at, reply_due, replied_at, version)
                    SELECT v.letter_id, v.document ->> 'department', (v.document ->> 'receivedAt')::TIMESTAMPTZ,
                           (v.document #>> '{deadlines,FIRST_RESPONSE,due}')::TIMESTAMPTZ,
                           (v.document #>> '{deadlines,FIRST_RESPONSE,metAt}')::TIMESTAMPTZ,
                           (v.document #>> '{deadlines,REPLY,due}')::TIMESTAMPTZ,
                           (v.document #>> '{reply,sentAt}')::TIMESTAMPTZ, v.version
                    FROM bench_new_letters n JOIN letter_view v USING (letter_id)"""),
            // The predecessors as QualityDraft derives them (and migration V88): drafts in the order written.
            new Fill("quality_draft", """
                    INSERT INTO quality_draft (letter_id, draft_no, drafted_at, findings, department,
                        previous_drafted_at, previous_findings_at)
                    SELECT letter_id, draft_no, drafted_at, findings, department,
                           lag(drafted_at) OVER (PARTITION BY letter_id ORDER BY drafted_at, draft_no),
                           CASE WHEN findings > 0 THEN lag(drafted_at) OVER (PARTITION BY letter_id, findings > 0
                                                                            ORDER BY drafted_at, draft_no) END
                    FROM (SELECT v.letter_id, (d ->> 'draftNo')::INTEGER AS draft_no,
                                 (d ->> 'draftedAt')::TIMESTAMPTZ AS drafted_at,
                                 jsonb_array_length(coalesce(d -> 'findings', '[]'::JSONB)) AS findings,
                                 v.document ->> 'department' AS department
                          FROM bench_new_letters n JOIN letter_view v USING (letter_id)
                               CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'drafts') d) drafts"""),
            new Fill("quality_correction", """
                    INSERT INTO quality_correction (letter_id, correction_no, cause, found_by, issued_at, department)
                    SELECT v.letter_id, (c ->> 'correctionNo')::INTEGER, c ->> 'cause', c ->> 'foundBy',
                           (c ->> 'issuedAt')::TIMESTAMPTZ, v.document ->> 'department'
                    FROM bench_new_letters n JOIN letter_view v USING (letter_id)
                         CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'corrections') c"""),
            new Fill("quality_dispute", """
                    INSERT INTO quality_dispute (letter_id, dispute_no, recorded_at, resolved_at, department)
                    SELECT v.letter_id, (d ->> 'disputeNo')::INTEGER, (d ->> 'recordedAt')::TIMESTAMPTZ,
                           (d ->> 'resolvedAt')::TIMESTAMPTZ, v.document ->> 'department'
                    FROM bench_new_letters n JOIN letter_view v USING (letter_id)
                         CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'disputes') d
                    WHERE d ->> 'recordedAt' IS NOT NULL"""));

    private static final String RECOUNT_REGISTER = """
            INSERT INTO register_count (department, status, channel, category, urgent, shard, n)
            SELECT coalesce(department, ''), status, channel, category, urgent, 0, count(*)
            FROM register_entry
            GROUP BY coalesce(department, ''), status, channel, category, urgent""";

    /** Fills the derived tables for the letters loaded since the last call; answers the tables filled. */
    static List<String> fill(Connection c, String loadedLettersTable) throws Exception {
        List<String> filled = new java.util.ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE bench_new_letters ON COMMIT DROP AS SELECT letter_id FROM "
                    + loadedLettersTable);
            for (Fill fill : FILLS) {
                if (exists(st, fill.table())) {
                    st.executeUpdate(fill.sql());
                    filled.add(fill.table());
                }
            }
            if (exists(st, "register_count")) {
                // Counted again from the whole register, as migration V8 fills it (in shard 0; a total sums every
                // shard): the loaded register rows were copied in past the read model that keeps the counts.
                st.execute("TRUNCATE register_count");
                st.executeUpdate(RECOUNT_REGISTER);
                filled.add("register_count");
            }
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return filled;
    }

    private static boolean exists(Statement st, String table) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
