package org.letterdesk.command;

import org.letterdesk.command.deadline.DeadlineSettings;
import org.letterdesk.command.drafting.WordingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the procedure's command side ({@code letterdesk.*}): deadline table, wording lists and
 * retention. Values are read when a command happens and recorded in its events; changing them never rewrites
 * history. The letter zone ({@code letterdesk.zone}) is a bean of the application, shared with the query side.
 */
@ConfigurationProperties("letterdesk")
public record CommandSettings(@DefaultValue DeadlineSettings deadlines,
                              @DefaultValue Wording wording,
                              @DefaultValue("3") int retentionYears,
                              @DefaultValue Supervision supervision) {

    /**
     * Supervision (督办): working days between reminders (催办), and the deadline kinds whose miss opens it
     * (empty: REPLY and COMMITMENT).
     */
    public record Supervision(@DefaultValue("2") int reminderWorkingDays,
                              java.util.List<org.letterdesk.events.DeadlineKind> deadlineKinds) {

        public org.letterdesk.command.supervision.SupervisionPolicy policy() {
            return org.letterdesk.command.supervision.SupervisionPolicy.of(reminderWorkingDays, deadlineKinds);
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
}
