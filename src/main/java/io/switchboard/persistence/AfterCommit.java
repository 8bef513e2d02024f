package io.switchboard.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a reaction once the current transaction has committed, and never after a rollback; at once when there is no
 * transaction. For reactions that may be lost in a crash, such as live messages and in-memory counters: unlike a
 * {@code @TransactionalEventListener}, nothing is written to Spring Modulith's event publication registry for them.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(Runnable reaction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            reaction.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            // afterCompletion, not afterCommit: an exception here is logged by Spring and never reaches the caller,
            // whose transaction has committed already (the phase @TransactionalEventListener uses too).
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    reaction.run();
                }
            }
        });
    }
}
