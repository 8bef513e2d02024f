package io.switchboard.routing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts offers by outcome as switchboard.offers{outcome} for /actuator/metrics. Fed by the committed events, so a
 * decision that rolled back never counts; in memory from the start of this server, while GET /api/stats counts the
 * database.
 */
@Component
class RoutingMetrics {
    private final MeterRegistry registry;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener
    void on(OfferMade made) {
        count("made");
    }

    @TransactionalEventListener
    void on(OfferAccepted accepted) {
        count("accepted");
    }

    @TransactionalEventListener
    void on(OfferDeclined declined) {
        count("declined");
    }

    @TransactionalEventListener
    void on(OfferExpired expired) {
        count("expired");
    }

    private void count(String outcome) {
        registry.counter("switchboard.offers", "outcome", outcome).increment();
    }
}
