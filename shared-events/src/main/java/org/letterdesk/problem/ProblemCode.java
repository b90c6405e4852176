package org.letterdesk.problem;

/**
 * The stable machine codes of the HTTP contract. Clients switch on these, so a code is never renamed; its HTTP
 * status travels with it.
 */
public enum ProblemCode {
    VALIDATION_FAILED(400, "Validation failed"),
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    LETTER_NOT_FOUND(404, "Letter not found"),
    NOT_FOUND(404, "Not found"),
    SENDER_NOT_FOUND(404, "Sender not found"),
    /** No spot check was drawn for the month. */
    SPOT_CHECK_NOT_FOUND(404, "Spot check not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    /** A request method this server does not implement at all (e.g. FOO), as RFC 9110 advises. */
    METHOD_NOT_IMPLEMENTED(501, "Method not implemented"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    INVALID_TRANSITION(409, "Invalid transition"),
    FOUR_EYES(409, "Four-eyes rule"),
    REVIEW_ORDER(409, "Review order"),
    WORDING_FINDINGS(409, "Wording findings"),
    /** A complex letter's draft must offer at least two alternatives (A/B 方案). */
    ALTERNATIVES_REQUIRED(409, "Alternatives required"),
    /** Erasure of a sender's personal data while one of their letters is still within retention. */
    RETENTION_NOT_EXPIRED(409, "Retention not expired"),
    /** The month's spot-check sample (内部抽查) is drawn already; a month is drawn once. */
    SPOT_CHECK_DRAWN(409, "Spot check already drawn"),
    /** A spot-check result for a letter that is not in the month's sample. */
    NOT_IN_SAMPLE(409, "Letter not in the sample"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    VERSION_CONFLICT(412, "Version conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    /** The configured virus scanner (clamd) found a signature in a file; nothing is kept. */
    ATTACHMENT_INFECTED(422, "Attachment infected"),
    /** The configured virus scanner answered but did not scan the file (e.g. longer than its stream limit). */
    ATTACHMENT_NOT_SCANNED(422, "Attachment not scanned"),
    PROJECTION_NOT_CAUGHT_UP(503, "Read model not caught up"),
    EVENT_STORE_BUSY(503, "Event store busy"),
    DB_UNAVAILABLE(503, "Database unavailable"),
    /** A virus scanner is configured but does not answer: files are refused until it does (fail closed). */
    VIRUS_SCANNER_UNAVAILABLE(503, "Virus scanner unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI: a stable, documented identifier of this kind of problem. */
    public String type() {
        return "https://letterdesk.org/problems/" + name().toLowerCase().replace('_', '-');
    }
}
