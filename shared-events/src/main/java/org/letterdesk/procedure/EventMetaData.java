package org.letterdesk.procedure;

/**
 * The metadata every event carries about its origin: who acted, under which role, and the correlation and trace
 * ids of the request that caused it. Written by the command side, read by projections and the auditors' history.
 */
public final class EventMetaData {

    public static final String USER = "user";
    public static final String ROLE = "role";
    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACE_ID = "traceId";

    /** The actor of what the system does by itself, such as a deadline passing. */
    public static final String SYSTEM_USER = "system";
    public static final String SYSTEM_ROLE = "SYSTEM";

    private EventMetaData() {
    }
}
