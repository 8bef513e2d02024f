package io.switchboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Openings that take turns in a gate and keep them until let go, as slow openings in a storm would. */
final class TurnHolders implements AutoCloseable {
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Takes {@code turns} turns of the gate and keeps them until {@code release}; returns once all are held, and fails
     * when that takes longer than {@code within}.
     */
    void hold(OpeningGate gate, Severity severity, int turns, CountDownLatch release, Duration within)
            throws InterruptedException {
        var holding = new CountDownLatch(turns);
        for (int i = 0; i < turns; i++) {
            threads.submit(() -> gate.open(severity, () -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
        }
        assertThat(holding.await(within.toMillis(), TimeUnit.MILLISECONDS)).as("turns held").isTrue();
    }

    /** The virtual threads the holders run on, for a test's own concurrent openings. */
    ExecutorService threads() {
        return threads;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
