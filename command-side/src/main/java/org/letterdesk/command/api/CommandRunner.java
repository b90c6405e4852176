package org.letterdesk.command.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.letterdesk.command.procedure.CommandResult;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.letterdesk.procedure.EventMetaData;
import org.letterdesk.procedure.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one way HTTP commands reach the aggregates: checks the role, validates the body, carries user, role and
 * correlation id as metadata, turns If-Match into an expected version, and applies an Idempotency-Key in the
 * same transaction as the command's events.
 */
@Component
public class CommandRunner {

    private final CommandGateway gateway;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Validator validator;

    CommandRunner(CommandGateway gateway, IdempotencyStore idempotency, PlatformTransactionManager transactions,
                  JsonMapper json, Validator validator) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.validator = validator;
    }

    /** The current user acting in the first of {@code allowed} roles they hold; 403 if they hold none. */
    public Actor authorize(Role... allowed) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new AccessDeniedException("not authenticated");
        }
        Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return Arrays.stream(allowed).filter(role -> held.contains(role.authority())).findFirst()
                .map(role -> new Actor(auth.getName(), role))
                .orElseThrow(() -> new AccessDeniedException("needs one of the roles " + Arrays.toString(allowed)));
    }

    /** Bean-validates a request body; violations become VALIDATION_FAILED with field errors. */
    public <T> T validate(T body) {
        return validate(body, b -> List.of());
    }

    /**
     * As {@link #validate(Object)}, with the field errors of checks that bean validation cannot express (such as
     * those that need the clock), reported together with the others.
     */
    public <T> T validate(T body, Function<T, List<Map<String, String>>> moreChecks) {
        if (body == null) {
            throw new LetterdeskProblem(ProblemCode.MALFORMED_REQUEST, "A request body is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        List<Map<String, String>> more = moreChecks.apply(body);
        if (!violations.isEmpty() || !more.isEmpty()) {
            List<Map<String, String>> errors = Stream.concat(violations.stream()
                            .map(v -> Map.of("field", v.getPropertyPath().toString().replace(".<list element>", ""),
                                    "message", v.getMessage())), more.stream())
                    .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                    .toList();
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "The request has invalid fields",
                    Map.of("errors", errors));
        }
        return body;
    }

    /**
     * Sends the command built from the expected version and answers with its typed result (the letter's id, serial
     * number, version and status plus the command's own values), an ETag and (for 201) a Location.
     */
    public <R extends CommandResult> ResponseEntity<R> send(Actor actor, CommandRequest request, Object body,
                                                            Function<Long, Object> command, Class<R> resultType,
                                                            HttpStatus success) {
        Long expectedVersion = expectedVersion(request.ifMatch());
        Object message = GenericCommandMessage.asCommandMessage(command.apply(expectedVersion))
                .andMetaData(metaData(actor, request));
        String key = request.idempotencyKey();
        if (key == null || key.isBlank()) {
            return retryingConcurrentChanges(expectedVersion,
                    () -> respond(success.value(), resultType.cast(gateway.sendAndWait(message))));
        }
        String fingerprint = fingerprint(body);
        return retryingConcurrentChanges(expectedVersion, () -> transaction.execute(status -> {
            var stored = idempotency.claim(actor.user(), key, fingerprint);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw new LetterdeskProblem(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency-Key " + key + " was already used for a different request");
                }
                return respond(stored.get().status(), json.readValue(stored.get().body(), resultType));
            }
            R result = resultType.cast(gateway.sendAndWait(message));
            idempotency.complete(actor.user(), key, success.value(), json.writeValueAsString(result));
            return respond(success.value(), result);
        }));
    }

    /**
     * Another node (or a deadline firing) appended to the letter between our load and our append. Without an
     * If-Match the client asked for "the letter as it is", so the command is simply tried again on the new state;
     * with one, the conflict is the client's answer (412).
     */
    private static <T> T retryingConcurrentChanges(Long expectedVersion, Supplier<T> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (ConcurrencyException e) {
                if (expectedVersion != null || tries == 3) {
                    throw e;
                }
            }
        }
    }

    /** Who acts, under which role, and the client's correlation id (or a new one): recorded on every event. */
    public static MetaData metaData(Actor actor, CommandRequest request) {
        String correlationId = request.correlationId() == null || request.correlationId().isBlank()
                ? UUID.randomUUID().toString() : request.correlationId();
        return MetaData.with(EventMetaData.USER, actor.user()).and(EventMetaData.ROLE, actor.role().name())
                .and(EventMetaData.CORRELATION_ID, correlationId);
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new LetterdeskProblem(ProblemCode.VERSION_CONFLICT,
                    "If-Match " + ifMatch + " is not a version of this letter");
        }
    }

    private static <R extends CommandResult> ResponseEntity<R> respond(int status, R result) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .header(HttpHeaders.ETAG, "\"" + result.letter().version() + "\"");
        if (status == HttpStatus.CREATED.value()) {
            builder.location(URI.create("/api/letters/" + result.letter().letterId()));
        }
        return builder.body(result);
    }

    /** Same user, same method and path, same body: the same request. */
    private String fingerprint(Object body) {
        var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        String request = attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI() + " "
                + json.writeValueAsString(body);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
