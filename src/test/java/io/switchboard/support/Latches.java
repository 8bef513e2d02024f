package io.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting for a latch in a test, where a latch that never opens means the test has already gone wrong. */
public final class Latches {

    private Latches() {
    }

    /** Waits up to ten seconds for the latch and fails (in the calling thread) if it has not opened by then. */
    public static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the latch opened within 10 s").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a latch", e);
        }
    }
}
