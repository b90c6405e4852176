package org.letterdesk.app.eventstore;

/** A start-up step that must finish before the event store's hash chain starts: it may rewrite events stored before the chain existed. */
public interface BeforeHashChain {
    void run();
}
