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
import io.switchboard.incidents.SlaWatch;

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
    private final SlaWatch sla;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>();

    RoutingTriggers(Dispatcher dispatcher, Clock clock, SlaWatch sla) {
        this.dispatcher = dispatcher;
        this.sla = sla;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(IncidentOpened opened) {
        dispatcher.route(opened.incidentId());
    }

    // The condition is checked before Spring Modulith stores a publication: the other updates (opened, routing,
    // escalated) leave nothing to withdraw, so they cost no event publication row.
    @Async
    @TransactionalEventListener(condition = "#updated.leftRouting()")
    void on(IncidentUpdated updated) {
        dispatcher.withdrawAll(updated.incidentId(), updated.status() == IncidentStatus.RESOLVED
                ? "the incident was resolved" : "assigned to " + updated.assignee());
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
        // The SLA clocks tick on the same beat: one scheduler, and no timer of its own to lose on a restart. Apart
        // from routing's try, so a failing SLA check never makes routing look stalled to the health check.
        try {
            sla.checkDeadlines();
        } catch (RuntimeException e) {
            log.error("SLA check failed; it runs again with the next sweep", e);
        }
    }

    /** When the sweep last completed, for the health check. */
    Instant lastSweep() {
        return lastSweep.get();
    }
}
