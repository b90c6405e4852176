package org.letterdesk.command.api;

/**
 * The HTTP facts of one command request that matter beyond its body: preconditions and retry key.
 *
 * @param ifMatch        the client's If-Match header (an ETag of the letter), or null
 * @param idempotencyKey the client's Idempotency-Key header, or null
 * @param correlationId  the client's X-Correlation-Id header, or null (one is generated)
 */
public record CommandRequest(String ifMatch, String idempotencyKey, String correlationId) {
}
