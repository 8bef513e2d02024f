package io.switchboard.incidents;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The same figures as GET /api/stats, as Micrometer meters for whoever scrapes /actuator/metrics. Recorded only
 * once the change is committed, so a rolled-back accept never counts. Meters live in memory and start from zero
 * at every start; the database stays the truth.
 */
@Component
class IncidentMetrics {
    private final MeterRegistry registry;

    IncidentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void acknowledged(Severity severity, Instant openedAt, Instant at) {
        afterCommit(() -> timer("switchboard.mtta", severity).record(Duration.between(openedAt, at)));
    }

    void resolved(Severity severity, Instant openedAt, Instant at) {
        afterCommit(() -> timer("switchboard.mttr", severity).record(Duration.between(openedAt, at)));
    }

    void escalated(Severity severity) {
        afterCommit(() -> registry.counter("switchboard.incidents.escalated", "severity", severity.name()).increment());
    }

    private Timer timer(String name, Severity severity) {
        return Timer.builder(name).tag("severity", severity.name()).register(registry);
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
