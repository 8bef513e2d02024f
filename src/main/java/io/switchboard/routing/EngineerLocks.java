package io.switchboard.routing;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes decisions that add to an engineer's load (ringing them, an accept) take turns per engineer, so the capacity
 * check "assigned + ringing < maxActive" still holds when its transaction commits. Decisions about different
 * engineers run side by side. One Switchboard node owns its database, so locks in this JVM are enough.
 *
 * <p>A lock is held until the current transaction has ended, so whoever comes next reads what the holder committed.
 * Locks are striped (an engineer id hashes to one of {@value #STRIPES}) and taken in stripe order; a stripe below one
 * already held is only tried, and {@link Contended} is thrown when it is busy, so two decisions never wait on each
 * other in a circle. The whole decision is then tried again ({@link #retryingWhenContended}). Engineers a decision only
 * looked at and then left alone (busy, full) are let go at once ({@link #release}): it holds nothing of theirs to protect,
 * and holding fewer stripes lets it wait for the next candidate instead of giving up on a lower stripe.
 */
@Component
class EngineerLocks {
    static final int STRIPES = 1024;
    /** How often a decision starts again after another one held an engineer it needed. */
    static final int ATTEMPTS = 10;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    EngineerLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Locks these engineers until the current transaction ends.
     *
     * @return the stripes this call took (not those the transaction held already), for {@link #release}
     */
    Set<Integer> lock(Collection<String> engineerIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("engineer locks are released when the transaction ends; there is none");
        }
        var held = held();
        var wanted = new TreeSet<Integer>();
        engineerIds.forEach(id -> wanted.add(stripeOf(id)));
        wanted.removeAll(held);
        for (int stripe : wanted) {
            var lock = stripes[stripe];
            if (held.isEmpty() || stripe > held.last()) {
                lock.lock();
            } else if (!lock.tryLock()) {
                throw new Contended();
            }
            held.add(stripe);
        }
        return wanted;
    }

    /**
     * Lets go of the stripes {@code taken} by {@link #lock} before the transaction ends, except those of the engineers
     * {@code kept}: for engineers the decision read and then changed nothing about. Releasing never makes anyone wait
     * in a circle, and with fewer stripes held a later {@link #lock} waits where it would otherwise have had to give up.
     */
    void release(Set<Integer> taken, Collection<String> kept) {
        var held = held();
        var keep = new TreeSet<Integer>();
        kept.forEach(id -> keep.add(stripeOf(id)));
        for (int stripe : taken) {
            if (!keep.contains(stripe) && held.remove(stripe)) {
                stripes[stripe].unlock();
            }
        }
    }

    static int stripeOf(String engineerId) {
        return Math.floorMod(engineerId.hashCode(), STRIPES);
    }

    /** The stripes this transaction holds; released, all of them, once it has committed or rolled back. */
    private TreeSet<Integer> held() {
        @SuppressWarnings("unchecked")
        var held = (TreeSet<Integer>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            var fresh = new TreeSet<Integer>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE; // before the after-commit reactions: let the next one go at once
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(EngineerLocks.this);
                    fresh.forEach(stripe -> stripes[stripe].unlock());
                }
            });
            return fresh;
        }
        return held;
    }

    /**
     * Runs a decision, and again whenever it met a {@link Contended} engineer, at most {@value #ATTEMPTS} times. The
     * holder keeps its engineers until its transaction ends, a few milliseconds, so an attempt right away mostly meets
     * the same lock: each retry waits a little longer first (1–2 ms, then 2–4 ms, …; under 100 ms in all).
     */
    <T> T retryingWhenContended(Supplier<T> decision) {
        for (int attempt = 1;; attempt++) {
            try {
                return decision.get();
            } catch (Contended e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                long pause = TimeUnit.MILLISECONDS.toNanos(attempt);
                LockSupport.parkNanos(pause + ThreadLocalRandom.current().nextLong(pause));
            }
        }
    }

    /** An engineer this decision needs is locked by another one that may wait for this: start the decision again. */
    static final class Contended extends RuntimeException {
        Contended() {
            super("an engineer this routing decision needs is locked by another one; retrying", null, false, false);
        }
    }
}
