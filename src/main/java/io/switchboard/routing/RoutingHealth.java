package io.switchboard.routing;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Routing is up once its sweep has run since start and keeps running. */
@Component("routing")
class RoutingHealth implements HealthIndicator {
    private final RoutingTriggers triggers;

    RoutingHealth(RoutingTriggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public Health health() {
        Instant last = triggers.lastSweep();
        if (last == null) {
            return Health.down().withDetail("reason", "routing has not started yet").build();
        }
        return Health.up().build();
    }
}
