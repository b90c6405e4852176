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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Reads and replaces the routing rules through their aggregate, so a registration is routed by the rules as they
 * stand at that moment (the aggregate's state, not an eventually consistent projection).
 * <p>
 * The rules are kept between registrations together with the length of their event stream, which every read checks
 * first (one indexed probe): asking the aggregate each time cost a fifth of a registration's CPU. A change on any
 * node lengthens the stream, so the next registration anywhere reads the new rules.
 */
@Component
public class Router {

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private volatile KnownRules known;

    Router(CommandGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    public List<RoutingRule> rules() {
        // The stream's length is read before the rules: rules kept under a length are never older than it.
        long streamLength = storedStreamLength();
        KnownRules kept = known;
        if (kept != null && kept.streamLength() == streamLength) {
            return kept.rules();
        }
        List<RoutingRule> rules = List.copyOf(gateway.sendAndWait(new DescribeRoutingRules(RoutingCommands.RULES_ID)));
        known = new KnownRules(streamLength, rules);
        return rules;
    }

    /** How many events the rules' aggregate has stored (0 before the first change, when the defaults apply). */
    private long storedStreamLength() {
        Long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, RoutingCommands.RULES_ID);
        return last == null ? 0 : last + 1;
    }

    private record KnownRules(long streamLength, List<RoutingRule> rules) {
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
