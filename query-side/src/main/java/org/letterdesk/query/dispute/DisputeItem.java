package org.letterdesk.query.dispute;

import org.letterdesk.events.Department;

import java.time.Instant;

/**
 * A record-book line over HTTP: 争议编号 number (e.g. 2026-000123-D1), the letter, 争议点 points, 发件人观点
 * senderView, 我方观点 organizationView, the investigation (due, findings, when, whether within the deadline) and
 * the resolution (outcome, escalated to the coordination group 协调小组, when).
 */
public record DisputeItem(String number, String letterId, String serialNo, int disputeNo, String subject,
                          Department department, String points, String senderView, String organizationView,
                          Instant recordedAt, Instant investigationDue, String findings, Instant investigatedAt,
                          Boolean investigatedWithinDeadline, String outcome, Boolean escalated, Instant resolvedAt,
                          DisputeStatus status) {

    static DisputeItem of(DisputeEntry e) {
        return new DisputeItem(e.getNumber(), e.getLetterId(), e.getSerialNo(), e.getDisputeNo(), e.getSubject(),
                e.getDepartment(), e.getPoints(), e.getSenderView(), e.getOrganizationView(), e.getRecordedAt(),
                e.getInvestigationDue(), e.getFindings(), e.getInvestigatedAt(), e.getInvestigatedWithinDeadline(),
                e.getOutcome(), e.getEscalated(), e.getResolvedAt(), e.getStatus());
    }
}
