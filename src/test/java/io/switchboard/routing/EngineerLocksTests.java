package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** Engineer locks are held until the transaction ends, and never make two decisions wait for each other in a circle. */
class EngineerLocksTests {
    private final EngineerLocks locks = new EngineerLocks();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        }
    }

    @Test
    void anotherDecisionWaitsForTheEngineerUntilTheHolderCommits() throws Exception {
        begin();
        locks.lock(List.of("ENG-1"));
        var other = inOtherTransaction(() -> locks.lock(List.of("ENG-1")), null);

        waitsUntilThisTransactionCommits(other);
    }

    @Test
    void aRollbackReleasesTheEngineersToo() throws Exception {
        begin();
        locks.lock(List.of("ENG-1", "ENG-2"));
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        inOtherTransaction(() -> locks.lock(List.of("ENG-2", "ENG-1")), null).get(5, TimeUnit.SECONDS);
    }

    @Test
    void engineersLookedAtAndLeftAloneAreLetGoBeforeTheTransactionEndsWhileTheKeptOnesStayLocked() throws Exception {
        var ids = idsOnDifferentStripes();
        begin();
        var taken = locks.lock(List.of(ids.low(), ids.high()));

        locks.release(taken, List.of(ids.high()));

        inOtherTransaction(() -> locks.lock(List.of(ids.low())), null).get(5, TimeUnit.SECONDS);
        var kept = inOtherTransaction(() -> locks.lock(List.of(ids.high())), null);
        waitsUntilThisTransactionCommits(kept);
    }

    @Test
    void aStripeHeldBeforeTheLookIsNotReleasedWithIt() throws Exception {
        begin();
        locks.lock(List.of("ENG-1"));
        var taken = locks.lock(List.of("ENG-1"));

        locks.release(taken, List.of());

        assertThat(taken).isEmpty();
        var other = inOtherTransaction(() -> locks.lock(List.of("ENG-1")), null);
        waitsUntilThisTransactionCommits(other);
    }

    @Test
    void engineersOfOtherStripesDoNotWaitForEachOther() throws Exception {
        var ids = idsOnDifferentStripes();
        begin();
        locks.lock(List.of(ids.low()));

        inOtherTransaction(() -> locks.lock(List.of(ids.high())), null).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aStripeBelowOneAlreadyHeldIsOnlyTriedAndABusyOneStartsTheDecisionAgain() throws Exception {
        var ids = idsOnDifferentStripes();
        var release = new CountDownLatch(1);
        var other = holdInOtherTransaction(ids.low(), release);

        begin();
        locks.lock(List.of(ids.high()));
        // waiting here could be a circle (the other may come for ids.high() next): give up at once instead
        assertThatThrownBy(() -> locks.lock(List.of(ids.low()))).isInstanceOf(EngineerLocks.Contended.class);
        release.countDown();
        other.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aContendedDecisionIsTriedAgainAfterAPauseAndGoesThroughOnceTheHolderIsDone() throws Exception {
        var ids = idsOnDifferentStripes();
        var release = new CountDownLatch(1);
        var other = holdInOtherTransaction(ids.low(), release);
        // the holder is done after 20 ms: ten attempts right after each other would all have failed by then
        Thread.ofVirtual().start(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            release.countDown();
        });
        var attempts = new AtomicInteger();

        String outcome = locks.retryingWhenContended(() -> lowAfterHigh(ids, attempts));

        assertThat(outcome).isEqualTo("decided");
        assertThat(attempts.get()).isBetween(2, EngineerLocks.ATTEMPTS);
        other.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDecisionContendedEveryTimeGivesUpAfterItsAttempts() throws Exception {
        var ids = idsOnDifferentStripes();
        var release = new CountDownLatch(1);
        var other = holdInOtherTransaction(ids.low(), release);
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> locks.retryingWhenContended(() -> lowAfterHigh(ids, attempts)))
                .isInstanceOf(EngineerLocks.Contended.class);
        assertThat(attempts.get()).isEqualTo(EngineerLocks.ATTEMPTS);
        release.countDown();
        other.get(5, TimeUnit.SECONDS);
    }

    /** One decision in a transaction of its own: takes ids.high(), then ids.low() (out of stripe order). */
    private String lowAfterHigh(Pair ids, AtomicInteger attempts) {
        attempts.incrementAndGet();
        begin();
        try {
            locks.lock(List.of(ids.high()));
            locks.lock(List.of(ids.low()));
            complete(TransactionSynchronization.STATUS_COMMITTED);
            return "decided";
        } catch (EngineerLocks.Contended e) {
            complete(TransactionSynchronization.STATUS_ROLLED_BACK);
            throw e;
        }
    }

    private CompletableFuture<Void> holdInOtherTransaction(String engineerId, CountDownLatch release)
            throws InterruptedException {
        var holding = new CountDownLatch(1);
        var other = inOtherTransaction(() -> {
            locks.lock(List.of(engineerId));
            holding.countDown();
        }, release);
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return other;
    }

    @Test
    void withoutATransactionNothingWouldReleaseTheLocksSoNoneIsTaken() {
        assertThatThrownBy(() -> locks.lock(List.of("ENG-1"))).isInstanceOf(IllegalStateException.class);
    }

    /** The other decision is still waiting after 200 ms, and gets through once this transaction has committed. */
    private static void waitsUntilThisTransactionCommits(CompletableFuture<Void> other) throws Exception {
        assertThatThrownBy(() -> other.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        complete(TransactionSynchronization.STATUS_COMMITTED);
        other.get(5, TimeUnit.SECONDS);
    }

    /** Two engineers whose locks are different stripes, {@code low} the one taken first in stripe order. */
    record Pair(String low, String high) {
    }

    static Pair idsOnDifferentStripes() {
        var ids = idsOnDifferentStripes(2);
        return new Pair(ids[0], ids[1]);
    }

    /** {@code n} engineers whose locks are {@code n} different stripes, in stripe order. */
    static String[] idsOnDifferentStripes(int n) {
        var byStripe = new TreeMap<Integer, String>();
        for (int i = 0; byStripe.size() < n; i++) {
            String id = "ENG-" + i;
            byStripe.putIfAbsent(EngineerLocks.stripeOf(id), id);
        }
        return byStripe.values().toArray(String[]::new);
    }

    private static void begin() {
        TransactionSynchronizationManager.initSynchronization();
    }

    private static void complete(int status) {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
        TransactionSynchronizationManager.clearSynchronization();
    }

    /** Runs {@code work} in a transaction of another thread, ended (committed) after {@code release} if given. */
    private static CompletableFuture<Void> inOtherTransaction(Runnable work, CountDownLatch release) {
        return CompletableFuture.runAsync(() -> {
            begin();
            try {
                work.run();
                if (release != null) {
                    release.await(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                complete(TransactionSynchronization.STATUS_COMMITTED);
            }
        });
    }
}
