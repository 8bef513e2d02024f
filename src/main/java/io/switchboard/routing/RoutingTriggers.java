package io.switchboard.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.switchboard.incidents.IncidentOpened;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentUpdated;
import io.switchboard.incidents.SlaWatch;
import io.switchboard.persistence.AfterCommit;

/**
 * What sets routing in motion: a new incident, an incident taken out of routing, and the clock.
 *
 * <p>A new incident is routed in its opening's own transaction, so there is nothing to lose between the two. Withdrawing
 * the offers of an incident that left routing is a transactional listener, so Spring Modulith's publication registry
 * keeps the event until it has run and replays it after a restart. The sweep (at start and on every beat after) routes
 * any incident still {@code OPEN} and rings any in {@code ROUTING} left without a ringing offer.
 */
@Component
class RoutingTriggers {
    private static final Logger log = LoggerFactory.getLogger(RoutingTriggers.class);

    private final Dispatcher dispatcher;
    private final TaskExecutor executor;
    private final Clock clock;
    private final SlaWatch sla;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>();

    RoutingTriggers(Dispatcher dispatcher, @Qualifier("taskExecutor") TaskExecutor executor, Clock clock, SlaWatch sla) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.sla = sla;
        this.clock = clock;
    }

    @EventListener
    void on(IncidentOpened opened) {
        if (!dispatcher.routeWithOpening(opened.incident(), opened.product())) {
            AfterCommit.run(() -> executor.execute(() -> {
                try {
                    dispatcher.ringIfSilent(opened.incidentId());
                } catch (RuntimeException e) {
                    log.warn("Could not ring the first wave of {}; the sweep tries again", opened.incidentId(), e);
                }
            }));
        }
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
