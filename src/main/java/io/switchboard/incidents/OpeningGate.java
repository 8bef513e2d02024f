package io.switchboard.incidents;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.web.OverloadedException;

/**
 * Admission control for new incidents. Requests run on virtual threads, so nothing else bounds how many openings pile
 * up when incidents come in faster than two cores rank and route them: past that point every opening waits longer
 * than the one before, clients give up on requests the server still works through, and the server never catches up.
 * The gate lets {@code max-concurrent} openings run, queues the rest in arrival order, and refuses one that has not got
 * its turn within its severity's wait with a 503 and Retry-After, before anything is stored. Accepting, resolving and
 * reading are never held here: they finish the work already taken on, which is what lets the server recover.
 *
 * <p>Two waits per severity, as in controlled-delay queues: a burst (a collection pause, a slow second) is worked
 * off, so openings may wait long enough for it ({@code max-wait}). But once openings have queued without a break for
 * {@code overload-after}, arrivals outrun the server, and a long queue would only make every admitted incident later
 * without routing one more; then openings wait at most {@code overload-wait}. The queue empties again once the
 * server keeps up, and with it the long waits come back. SEV1 and SEV2 keep long waits in both cases, so they get
 * through a storm of routine incidents, whose waits run out first. A refusal in a burst asks the client to come back
 * after its wait; one past capacity after a random {@code overload-retry-after} to twice that. Clients that came
 * back a second later would only be refused again, and each refusal takes CPU from the openings that are running.
 */
@Component
class OpeningGate {
    private final AdmissionSettings settings;
    private final Semaphore turns;
    /** Registered up front, so /actuator/metrics shows 0 refused rather than no such meter. */
    private final Map<Severity, Counter> refused = new EnumMap<>(Severity.class);
    /** When an opening last found a turn free without queueing (System.nanoTime). */
    private volatile long lastFreeTurn = System.nanoTime();

    OpeningGate(AdmissionSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.turns = new Semaphore(settings.maxConcurrent(), true);
        for (Severity severity : Severity.values()) {
            refused.put(severity, Counter.builder("switchboard.incidents.refused").tag("severity", severity.name())
                    .description("new incidents refused with a 503 because the server was too busy to open them")
                    .register(registry));
        }
    }

    <T> T open(Severity severity, Supplier<T> opening) {
        if (turn(Duration.ZERO)) {
            lastFreeTurn = System.nanoTime();
        } else {
            awaitTurn(severity);
        }
        try {
            return opening.get();
        } finally {
            turns.release();
        }
    }

    /**
     * A turn within the wait, in arrival order: even with no wait, not tryAcquire(), which would take a turn ahead of
     * those who queue.
     */
    private boolean turn(Duration wait) {
        try {
            return turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration backOff() {
        long least = settings.overloadRetryAfter().toMillis();
        return Duration.ofMillis(least + ThreadLocalRandom.current().nextLong(least + 1));
    }

    private void awaitTurn(Severity severity) {
        boolean overloaded = System.nanoTime() - lastFreeTurn > settings.overloadAfter().toNanos();
        var wait = settings.maxWait(severity, overloaded);
        if (!turn(wait)) {
            refused.get(severity).increment();
            var retryAfter = overloaded ? backOff() : wait;
            throw new OverloadedException("Too many incidents are being opened right now; this " + severity
                    + " incident was not stored. Send it again in " + OverloadedException.wholeSeconds(retryAfter)
                    + " s.", retryAfter);
        }
    }
}
