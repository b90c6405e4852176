package org.letterdesk.events;

import java.util.List;

/**
 * A routing rule (分配规则): a letter registered without a department goes to {@code department} when it matches —
 * its category and channel equal the rule's (a null one matches any), and its subject or core request contains at
 * least one of the keywords (an empty list matches any). The first matching rule of the list wins.
 *
 * @param id a client-chosen name, unique in the list
 */
public record RoutingRule(String id, Category category, Channel channel, List<String> keywords,
                          Department department) {

    public RoutingRule {
        // Not List.copyOf: a client's null keyword must reach validation (400), not fail here.
        keywords = keywords == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keywords));
    }

    public boolean matches(Category letterCategory, Channel letterChannel, String subject, String coreRequest) {
        if (category != null && category != letterCategory) {
            return false;
        }
        if (channel != null && channel != letterChannel) {
            return false;
        }
        return keywords.isEmpty() || keywords.stream().anyMatch(k -> contains(subject, k) || contains(coreRequest, k));
    }

    private static boolean contains(String text, String keyword) {
        return text != null && text.contains(keyword);
    }
}
