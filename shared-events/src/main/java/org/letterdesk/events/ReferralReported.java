package org.letterdesk.events;

/**
 * A report back to the referring office (办理情况汇报) was written, in the layout of seed 002: the problem raised
 * (反映的问题), the background (基本情况), the investigation (调查办理情况) and its outcome. A new report replaces
 * one not yet approved and needs every review level again.
 */
public record ReferralReported(String letterId, int reportNo, String problem, String background,
                               String investigation, String outcome, String reporter) implements LetterEvent {
}
