package org.letterdesk.query.worklist;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Collects the letters a projection transaction changes and hands them to the {@link WorklistStream} once the
 * transaction has committed: a client told of a change then reads the change, and a batch that rolls back tells
 * nobody anything.
 */
@Component
class WorklistChanges {

    private final WorklistStream stream;

    WorklistChanges(WorklistStream stream) {
        this.stream = stream;
    }

    void changed(String letterId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            stream.publish(Set.of(letterId));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> batch = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = bindBatch();
        }
        batch.add(letterId);
    }

    private Set<String> bindBatch() {
        Set<String> batch = new LinkedHashSet<>();
        TransactionSynchronizationManager.bindResource(this, batch);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stream.publish(batch);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WorklistChanges.this);
            }
        });
        return batch;
    }
}
