package io.switchboard.routing;

import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.persistence.AfterCommit;

/**
 * Counts offers by outcome as switchboard.offers{outcome} for /actuator/metrics. Counted once the decision has
 * committed, so one that rolled back never counts; in memory from the start of this server, while GET /api/stats counts
 * the database. Not a durable reaction: a counter that starts at zero after a restart has nothing to replay.
 */
@Component
class RoutingMetrics {
    private final MeterRegistry registry;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(OfferMade made) {
        count("made");
    }

    @EventListener
    void on(OfferAccepted accepted) {
        count("accepted");
    }

    @EventListener
    void on(OfferDeclined declined) {
        count("declined");
    }

    @EventListener
    void on(OfferExpired expired) {
        count("expired");
    }

    private void count(String outcome) {
        AfterCommit.run(() -> registry.counter("switchboard.offers", "outcome", outcome).increment());
    }
}
