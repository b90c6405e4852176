package org.letterdesk.command.routing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.command.routing.RoutingCommands.DescribeRoutingRules;
import org.letterdesk.command.routing.RoutingCommands.ReplaceRoutingRules;
import org.letterdesk.events.Category;
import org.letterdesk.events.Channel;
import org.letterdesk.events.RoutingRule;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Reads and replaces the routing rules through their aggregate, so a registration is routed by the rules as they
 * stand at that moment (the aggregate's state, not an eventually consistent projection).
 */
@Component
public class Router {

    private final CommandGateway gateway;

    Router(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public List<RoutingRule> rules() {
        return gateway.sendAndWait(new DescribeRoutingRules(RoutingCommands.RULES_ID));
    }

    /** The first rule the new letter matches, if any. */
    public Optional<RoutingRule> route(Category category, Channel channel, String subject, String coreRequest) {
        return Optional.ofNullable(RoutingRules.firstMatch(rules(), category, channel, subject, coreRequest));
    }

    List<RoutingRule> replace(Actor actor, CommandRequest request, List<RoutingRule> rules) {
        return gateway.sendAndWait(new ReplaceRoutingRules(RoutingCommands.RULES_ID, rules),
                CommandRunner.metaData(actor, request));
    }
}
