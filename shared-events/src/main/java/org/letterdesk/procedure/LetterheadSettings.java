package org.letterdesk.procedure;

/**
 * Who signs a reply: the organisation and, optionally, the department, as configured.
 *
 * @param organization the organisation's name (组织名称), required
 * @param department   the department's name (部门), may be null or blank to leave it out
 */
public record LetterheadSettings(String organization, String department) {

    public LetterheadSettings {
        // Every reply names the organisation twice (thanks line and signature); without it the
        // letter is malformed, so a missing setting fails at start-up rather than in a reply.
        if (organization == null || organization.isBlank()) {
            throw new IllegalArgumentException("the letterhead needs an organization name");
        }
    }
}
