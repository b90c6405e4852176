package org.letterdesk.command;

import org.letterdesk.command.calendar.DeadlineHours;
import org.letterdesk.command.drafting.LetterheadSettings;
import org.letterdesk.command.drafting.WordingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * Configuration of the procedure ({@code letterdesk.*}): time zone, deadline table, wording lists, letterhead and
 * retention. Values are read when a command happens and recorded in its events; changing them never rewrites
 * history.
 */
@ConfigurationProperties("letterdesk")
public record CommandSettings(@DefaultValue("Asia/Shanghai") ZoneId zone,
                              @DefaultValue Deadlines deadlines,
                              @DefaultValue Wording wording,
                              @DefaultValue Letterhead letterhead,
                              @DefaultValue("3") int retentionYears) {

    /** The deadline table; unset hours take PRODUCT's numbers. */
    public record Deadlines(@DefaultValue("72") int holidayGraceWorkingHours,
                            @DefaultValue("0.2") double approachingFraction,
                            @DefaultValue("1") int urgentFirstResponseClockHours,
                            @DefaultValue("24") int firstResponseWorkingHours,
                            @DefaultValue("24") int urgentReplyClockHours,
                            @DefaultValue("48") int emailReplyWorkingHours,
                            @DefaultValue("72") int otherReplyWorkingHours,
                            @DefaultValue("24") int followUpClockHours,
                            @DefaultValue("72") int disputeInvestigationWorkingHours,
                            @DefaultValue("48") int delayReportThresholdClockHours) {

        public DeadlineHours hours() {
            return new DeadlineHours(urgentFirstResponseClockHours, firstResponseWorkingHours, urgentReplyClockHours,
                    emailReplyWorkingHours, otherReplyWorkingHours, followUpClockHours,
                    disputeInvestigationWorkingHours, delayReportThresholdClockHours);
        }
    }

    /** Phrase lists of the wording check; a list left empty in configuration keeps the built-in default. */
    public record Wording(java.util.List<String> absolutePromises, java.util.List<String> slang,
                          java.util.Map<String, String> brandTerms) {

        public WordingRules rules() {
            WordingRules defaults = WordingRules.defaults();
            return new WordingRules(
                    absolutePromises == null || absolutePromises.isEmpty() ? defaults.absolutePromises()
                            : absolutePromises,
                    slang == null || slang.isEmpty() ? defaults.slang() : slang,
                    brandTerms == null || brandTerms.isEmpty() ? defaults.brandTerms() : brandTerms);
        }
    }

    public record Letterhead(@DefaultValue("XX服务有限公司") String organization,
                             @DefaultValue("客户服务部") String department) {

        public LetterheadSettings settings() {
            return new LetterheadSettings(organization, department);
        }
    }
}
