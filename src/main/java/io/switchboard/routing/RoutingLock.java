package io.switchboard.routing;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every routing decision one at a time, each in its own committed transaction. Capacity checks
 * (active incidents + ringing offers < maxActive) only hold when no two decisions interleave; one
 * Switchboard node owns its database, so a lock in this JVM is enough and costs microseconds.
 */
@Component
class RoutingLock {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final TransactionTemplate transactions;

    RoutingLock(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return transactions.execute(status -> work.get());
        } finally {
            lock.unlock();
        }
    }

    void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
