package org.letterdesk.app.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether appends are chained (docs/decisions/0006-event-hash-chain.md). The chain starts at start-up, once every
 * singleton exists and before anything can append (the web server, the event processors and the deadline
 * scheduler start later): first every {@link BeforeHashChain} step runs, in order (they may rewrite events stored
 * before the chain), then the checkpoint is recorded over the events stored without a hash, then appends are chained.
 */
@Component
public class HashChain implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(HashChain.class);

    private final boolean enabled;
    private final ObjectProvider<BeforeHashChain> beforeSteps;
    private final ChainVerifier verifier;
    private volatile boolean started;

    HashChain(@Value("${letterdesk.event-store.hash-chain.enabled:true}") boolean enabled,
              ObjectProvider<BeforeHashChain> beforeSteps, ChainVerifier verifier) {
        this.enabled = enabled;
        this.beforeSteps = beforeSteps;
        this.verifier = verifier;
    }

    /** Whether new events get their chain hash. */
    public boolean started() {
        return started;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            start();
        } else {
            log.warn("The event store's hash chain is switched off (letterdesk.event-store.hash-chain.enabled=false): "
                    + "events are stored without a chain hash");
        }
    }

    /** Runs the steps that must come first, records the checkpoint, then chains every append. */
    synchronized void start() {
        beforeSteps.orderedStream().forEach(BeforeHashChain::run);
        long began = System.nanoTime();
        int checkpoints = verifier.checkpoint();
        started = true;
        if (checkpoints > 0) {
            log.info("Event hash chain: checkpoint recorded for {} aggregates' events stored without a hash in {} ms",
                    checkpoints, (System.nanoTime() - began) / 1_000_000);
        }
    }

    /** Appends stop being chained, as before the upgrade; for tests of the checkpoint only. */
    synchronized void stop() {
        started = false;
    }
}
