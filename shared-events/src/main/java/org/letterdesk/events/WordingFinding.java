package org.letterdesk.events;

/**
 * One finding of the wording check on a draft.
 *
 * @param rule       ABSOLUTE_PROMISE, SLANG or NON_BRAND_TERM
 * @param text       the phrase found
 * @param field      where it was found: salutation, summary, points[i], glossary[i], alternatives[i]
 * @param position   character offset inside that field
 * @param suggestion the required wording, where the rule has one (brand terms), else null
 */
public record WordingFinding(String rule, String text, String field, int position, String suggestion) {
}
