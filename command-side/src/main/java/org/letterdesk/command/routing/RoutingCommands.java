package org.letterdesk.command.routing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.RoutingRule;

import java.util.List;

/** Replacing the routing rules, reading them, and matching a new letter against them. */
public final class RoutingCommands {

    /** There is one list of routing rules. */
    public static final String RULES_ID = "routing-rules";

    private RoutingCommands() {
    }

    public record ReplaceRoutingRules(@TargetAggregateIdentifier String rulesId, List<RoutingRule> rules) {
    }

    /** Answers the current rules without changing anything. */
    public record DescribeRoutingRules(@TargetAggregateIdentifier String rulesId) {
    }
}
