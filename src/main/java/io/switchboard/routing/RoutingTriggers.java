package io.switchboard.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.switchboard.incidents.IncidentOpened;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentUpdated;

/**
 * What sets routing in motion: a new incident, an incident taken out of routing, and the clock. The
 * event listeners are transactional, so Spring Modulith's publication registry keeps each event until
 * its listener has finished and replays it after a restart.
 */
@Component
class RoutingTriggers {
    private static final Logger log = LoggerFactory.getLogger(RoutingTriggers.class);

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>();

    RoutingTriggers(Dispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(IncidentOpened opened) {
        dispatcher.route(opened.incidentId());
    }

    @Async
    @TransactionalEventListener
    void on(IncidentUpdated updated) {
        if (updated.status() == IncidentStatus.ASSIGNED || updated.status() == IncidentStatus.RESOLVED) {
            dispatcher.withdrawAll(updated.incidentId(), updated.status() == IncidentStatus.RESOLVED
                    ? "the incident was resolved" : "assigned to " + updated.assignee());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        sweep();
    }

    @Scheduled(fixedDelayString = "${switchboard.routing.sweep-interval}", initialDelayString = "${switchboard.routing.sweep-interval}")
    void sweep() {
        try {
            dispatcher.expireDue();
            dispatcher.resumeStalled();
            lastSweep.set(clock.instant());
        } catch (RuntimeException e) {
            log.error("Routing sweep failed; it runs again in a moment", e);
        }
    }

    /** When the sweep last completed, for the health check. */
    Instant lastSweep() {
        return lastSweep.get();
    }
}
