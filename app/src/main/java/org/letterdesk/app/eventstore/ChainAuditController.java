package org.letterdesk.app.eventstore;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Tamper evidence: the event store's hash chains recomputed from the stored rows")
class ChainAuditController {

    static final String NDJSON = "application/x-ndjson";

    private final ChainVerifier verifier;
    private final ChainHeads heads;
    private final JsonMapper json;
    private final long progressEvery;

    ChainAuditController(ChainVerifier verifier, ChainHeads heads, JsonMapper json,
                         @Value("${letterdesk.event-store.hash-chain.verify-progress-every:10000}") long progressEvery) {
        this.verifier = verifier;
        this.progressEvery = progressEvery;
        this.heads = heads;
        this.json = json;
    }

    @GetMapping(path = "/letters/{id}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Recompute the letter's hash chain (AUDITOR): {valid, events, firstBrokenSequence, reason} — "
            + "the first altered, removed or inserted event, or null")
    Map<String, Object> verifyLetter(@PathVariable UUID id) {
        String letterId = id.toString();
        ChainVerifier.Verdict verdict = verifier.verify(letterId);
        if (verdict == null) {
            throw new LetterdeskProblem(ProblemCode.LETTER_NOT_FOUND, "No letter " + letterId,
                    Map.of("letterId", letterId));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", verdict.valid());
        body.put("events", verdict.events());
        body.put("firstBrokenSequence", verdict.firstBrokenSequence());
        body.put("reason", verdict.reason());
        return body;
    }

    /**
     * Streams newline-delimited JSON: a {@code progress} line every {@code verify-progress-every} events (10 000), a {@code broken} line per broken
     * aggregate as it is found, and a final {@code result} line, which includes the comparison with the last heads
     * written out of the database. Written on the request's own thread, so no asynchronous time limit cuts it.
     */
    @GetMapping(path = "/verify", produces = NDJSON)
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Recompute every aggregate's hash chain (AUDITOR), streamed as application/x-ndjson: "
            + "{type: progress, aggregates, events} lines, {type: broken, aggregateId, firstBrokenSequence, reason} "
            + "lines, then {type: result, valid, aggregates, events, brokenAggregates, heads}")
    void verifyStore(HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        ChainVerifier.StoreVerdict verdict = verifier.verifyAll(progressEvery,
                progress -> line(out, Map.of("type", "progress", "aggregates", progress[0], "events", progress[1])),
                broken -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("type", "broken");
                    line.put("aggregateId", broken.aggregateId());
                    line.put("firstBrokenSequence", broken.firstBrokenSequence());
                    line.put("reason", broken.reason());
                    line(out, line);
                });
        ChainHeads.Comparison comparison = heads.compareWithLast();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", "result");
        result.put("valid", verdict.valid() && (comparison == null || comparison.matches()));
        result.put("aggregates", verdict.aggregates());
        result.put("events", verdict.events());
        result.put("brokenAggregates", verdict.brokenAggregates());
        result.put("heads", comparison);
        line(out, result);
    }

    private void line(OutputStream out, Object value) {
        try {
            out.write(json.writeValueAsBytes(value));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
