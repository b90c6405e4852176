package org.letterdesk.events;

import java.util.List;

/**
 * An administrator replaced the routing rules (who and when are the event's metadata). The whole list is
 * recorded, and which rules it added, changed or removed against the list before.
 */
public record RoutingRulesChanged(String rulesId, List<RoutingRule> rules, List<String> added, List<String> changed,
                                  List<String> removed) {

    public RoutingRulesChanged {
        rules = List.copyOf(rules);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }
}
