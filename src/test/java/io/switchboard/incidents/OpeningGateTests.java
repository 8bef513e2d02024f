package io.switchboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.web.OverloadedException;

class OpeningGateTests {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch done = new CountDownLatch(1);
    private final TurnHolders holders = new TurnHolders();
    private final ExecutorService threads = holders.threads();

    @AfterEach
    void letGo() {
        done.countDown();
        holders.close();
    }

    /** A gate that never takes its queue for overload. */
    private OpeningGate gate(int maxConcurrent, Map<Severity, Duration> waits) {
        return new OpeningGate(new AdmissionSettings(maxConcurrent, waits, Duration.ofHours(1), null, null), registry);
    }

    private static Duration refusedAfter(OpeningGate gate, Severity severity) {
        try {
            gate.open(severity, () -> null);
        } catch (OverloadedException e) {
            return e.retryAfter();
        }
        throw new AssertionError("the opening was not refused");
    }

    /** Takes a turn in the gate and keeps it until the test ends; returns once the turn is held. */
    private void holdATurn(OpeningGate gate, Severity severity) throws InterruptedException {
        holdATurn(gate, severity, done);
    }

    /** Takes a turn in the gate and keeps it until {@code release}; returns once the turn is held. */
    private void holdATurn(OpeningGate gate, Severity severity, CountDownLatch release) throws InterruptedException {
        holders.hold(gate, severity, 1, release, Duration.ofSeconds(5));
    }

    @Test
    void anOpeningWithoutATurnWithinItsWaitIsRefusedAndNeverRuns() throws Exception {
        var gate = gate(1, Map.of(Severity.SEV3, Duration.ofMillis(50)));
        holdATurn(gate, Severity.SEV3);
        var ran = new AtomicBoolean();

        assertThatThrownBy(() -> gate.open(Severity.SEV3, () -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(OverloadedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(50));
                    assertThat(e.getMessage()).contains("SEV3", "not stored");
                });
        assertThat(ran).isFalse();
        assertThat(registry.counter("switchboard.incidents.refused", "severity", "SEV3").count()).isEqualTo(1);
    }

    @Test
    void refusalsAreCountedPerSeverityFromZero() {
        gate(1, Map.of());

        assertThat(registry.find("switchboard.incidents.refused").counters()).hasSize(Severity.values().length)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void openingsUpToTheLimitRunAtOnce() throws Exception {
        var gate = gate(2, Map.of(Severity.SEV3, Duration.ZERO));
        holdATurn(gate, Severity.SEV3);

        assertThat(gate.open(Severity.SEV3, () -> "second")).isEqualTo("second");
    }

    @Test
    void aWaitingOpeningRunsOnceATurnIsFree() throws Exception {
        var gate = gate(1, Map.of(Severity.SEV3, Duration.ofSeconds(10)));
        var release = new CountDownLatch(1);
        holdATurn(gate, Severity.SEV3, release);
        var waiting = CompletableFuture.supplyAsync(() -> gate.open(Severity.SEV3, () -> "ran"), threads);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
    }

    @Test
    void aTurnIsGivenBackWhenTheOpeningFails() {
        var gate = gate(1, Map.of(Severity.SEV3, Duration.ZERO));

        assertThatThrownBy(() -> gate.open(Severity.SEV3, () -> {
            throw new IllegalStateException("the opening failed");
        })).hasMessage("the opening failed");
        assertThat(gate.open(Severity.SEV3, () -> "next")).isEqualTo("next");
    }

    @Test
    void anUrgentIncidentGetsThroughOnceTheRoutineOnesAheadOfItHaveRunOutOfWaiting() throws Exception {
        var gate = gate(1, Map.of(Severity.SEV1, Duration.ofSeconds(10), Severity.SEV4, Duration.ofMillis(200)));
        var release = new CountDownLatch(1);
        holdATurn(gate, Severity.SEV4, release);
        var routine = CompletableFuture.supplyAsync(() -> gate.open(Severity.SEV4, () -> "routine"), threads);
        Thread.sleep(50);
        var urgent = CompletableFuture.supplyAsync(() -> gate.open(Severity.SEV1, () -> "urgent"), threads);

        assertThat(routine).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .withCauseInstanceOf(OverloadedException.class);
        release.countDown();
        assertThat(urgent.get(5, TimeUnit.SECONDS)).isEqualTo("urgent");
    }

    @Test
    void onceOpeningsHaveQueuedWithoutABreakForOverloadAfterTheyWaitOnlyTheOverloadWait() throws Exception {
        var gate = new OpeningGate(new AdmissionSettings(1, Map.of(Severity.SEV3, Duration.ofSeconds(1)),
                Duration.ofMillis(100), Map.of(Severity.SEV3, Duration.ofMillis(20)), Duration.ofSeconds(7)), registry);
        holdATurn(gate, Severity.SEV3);

        assertThat(refusedAfter(gate, Severity.SEV3)).as("a burst so far: back after the wait")
                .isEqualTo(Duration.ofSeconds(1));
        long start = System.nanoTime();
        assertThat(refusedAfter(gate, Severity.SEV3)).as("queued without a break for a second: back after 7 to 14 s")
                .isBetween(Duration.ofSeconds(7), Duration.ofSeconds(14));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the burst's wait").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void clientsRefusedPastCapacityAreToldToComeBackAtDifferentTimes() throws Exception {
        var gate = new OpeningGate(new AdmissionSettings(1, Map.of(Severity.SEV3, Duration.ofMillis(1)),
                Duration.ZERO, Map.of(Severity.SEV3, Duration.ZERO), Duration.ofSeconds(5)), registry);
        holdATurn(gate, Severity.SEV3);

        var retryAfters = new HashSet<Duration>();
        for (int i = 0; i < 20; i++) {
            retryAfters.add(refusedAfter(gate, Severity.SEV3));
        }
        assertThat(retryAfters).hasSizeGreaterThan(10)
                .allSatisfy(after -> assertThat(after).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void theLongWaitComesBackOnceAnOpeningFindsATurnFree() throws Exception {
        var gate = new OpeningGate(new AdmissionSettings(1, Map.of(Severity.SEV3, Duration.ofMillis(200)),
                Duration.ofMillis(50), Map.of(Severity.SEV3, Duration.ofMillis(10)), Duration.ofSeconds(3)), registry);
        var release = new CountDownLatch(1);
        holdATurn(gate, Severity.SEV3, release);
        Thread.sleep(100);
        assertThat(refusedAfter(gate, Severity.SEV3)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> gate.open(Severity.SEV3, () -> true));
        holdATurn(gate, Severity.SEV3);

        assertThat(refusedAfter(gate, Severity.SEV3)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void settingsDefaultToTwentyAtOnceTwoSecondsOfWaitAndOverloadAfterFive() {
        var settings = new AdmissionSettings(null, Map.of(Severity.SEV1, Duration.ofSeconds(10)), null,
                Map.of(Severity.SEV3, Duration.ofMillis(250)), null);

        assertThat(settings.maxConcurrent()).isEqualTo(20);
        assertThat(settings.overloadAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.overloadRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxWait(Severity.SEV1, false)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxWait(Severity.SEV4, false)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxWait(Severity.SEV3, true)).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.maxWait(Severity.SEV1, true)).as("as in a burst").isEqualTo(Duration.ofSeconds(10));
        assertThat(new AdmissionSettings(null, null, null, null, null).maxWait(Severity.SEV2, true))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void settingsRefuseNoTurnsAndNegativeDurations() {
        assertThatThrownBy(() -> new AdmissionSettings(0, null, null, null, null)).hasMessageContaining("max-concurrent");
        assertThatThrownBy(() -> new AdmissionSettings(1, Map.of(Severity.SEV2, Duration.ofSeconds(-1)), null, null, null))
                .hasMessageContaining("max-wait.SEV2");
        assertThatThrownBy(() -> new AdmissionSettings(1, null, Duration.ofSeconds(-1), null, null))
                .hasMessageContaining("overload-after");
        assertThatThrownBy(() -> new AdmissionSettings(1, null, null, Map.of(Severity.SEV4, Duration.ofMillis(-1)), null))
                .hasMessageContaining("overload-wait.SEV4");
        assertThatThrownBy(() -> new AdmissionSettings(1, null, null, null, Duration.ofSeconds(-1)))
                .hasMessageContaining("overload-retry-after");
    }
}
