package io.switchboard.alerts;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import io.switchboard.directory.EngineerStatusChanged;
import io.switchboard.incidents.Audience;
import io.switchboard.incidents.IncidentEscalated;
import io.switchboard.incidents.IncidentService;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.IncidentUpdated;
import io.switchboard.incidents.SlaWarning;
import io.switchboard.persistence.AfterCommit;
import io.switchboard.routing.OfferMade;
import io.switchboard.routing.OfferWithdrawn;

/**
 * Pushes what happened, once it is committed, to the connected users who may see it. A client that
 * was away reads the current state over REST, so nothing here needs to be replayed; that is why these are plain
 * after-commit reactions and not durable ones (no event publication row per message).
 */
@Component
class LiveAlerts {
    static final String OFFERS = "/queue/offers";
    static final String INCIDENTS = "/queue/incidents";
    static final String BOARD = "/topic/board";

    /** Far more than the incidents live at once under load; past it the audiences are read again as news comes. */
    private static final int KNOWN_AUDIENCES = 20_000;

    private final SimpMessagingTemplate broker;
    private final ConnectedUsers connected;
    private final IncidentService incidents;
    private final KnownAudiences audiences = new KnownAudiences(KNOWN_AUDIENCES);

    LiveAlerts(SimpMessagingTemplate broker, ConnectedUsers connected, IncidentService incidents) {
        this.broker = broker;
        this.connected = connected;
        this.incidents = incidents;
    }

    @EventListener
    void on(OfferMade offer) {
        AfterCommit.run(() -> {
            audiences.involved(offer.incidentId(), offer.engineerId());
            send(connected.engineer(offer.engineerId()), OFFERS, new LiveMessages.Offer("OFFER", offer.offerId(),
                    offer.incidentId(), offer.severity(), offer.title(), offer.systemId(), offer.expiresAt()));
        });
    }

    @EventListener
    void on(OfferWithdrawn withdrawn) {
        AfterCommit.run(() -> send(connected.engineer(withdrawn.engineerId()), OFFERS, new LiveMessages.OfferWithdrawn(
                "OFFER_WITHDRAWN", withdrawn.offerId(), withdrawn.incidentId(), withdrawn.reason())));
    }

    @EventListener
    void on(IncidentUpdated updated) {
        AfterCommit.run(() -> {
            var message = new LiveMessages.IncidentUpdated("INCIDENT_UPDATED", updated.incidentId(), updated.status(),
                    updated.assignee(), updated.at());
            broker.convertAndSend(BOARD, message);
            var readers = customerAndEngineers(audience(updated.incidentId(), updated.customerId(), updated.assignee()));
            readers.addAll(connected.staff());
            send(readers, INCIDENTS, message);
            if (updated.status() == IncidentStatus.RESOLVED) {
                audiences.forget(updated.incidentId());
            }
        });
    }

    @EventListener
    void on(IncidentEscalated escalated) {
        AfterCommit.run(() -> {
            var message = new LiveMessages.Escalated("ESCALATED", escalated.incidentId(), escalated.reason(), escalated.at());
            broker.convertAndSend(BOARD, message);
            // The staff the policy names hear it in person too, even when they do not watch the board.
            var named = new HashSet<>(connected.staff());
            named.retainAll(escalated.escalatedTo());
            send(named, INCIDENTS, message);
        });
    }

    @EventListener
    void on(SlaWarning warning) {
        AfterCommit.run(() -> {
            var message = new LiveMessages.SlaWarning("SLA_WARNING", warning.incidentId(), warning.deadline(),
                    warning.due(), warning.breached(), warning.at());
            broker.convertAndSend(BOARD, message);
            // The customer (and the engineers on it) see their own incident's clock; staff already have it on the board.
            send(customerAndEngineers(audience(warning.incidentId(), warning.customerId(), null)), INCIDENTS, message);
        });
    }

    @EventListener
    void on(EngineerStatusChanged changed) {
        AfterCommit.run(() -> broker.convertAndSend(BOARD, new LiveMessages.EngineerStatusChanged("ENGINEER_STATUS",
                changed.engineerId(), changed.status(), changed.at())));
    }

    private Audience audience(String incidentId, String customerId, String assignee) {
        var engineers = new HashSet<>(audiences.engineers(incidentId,
                () -> incidents.audience(incidentId, customerId, null).engineerIds()));
        if (assignee != null) {
            engineers.add(assignee);
            audiences.involved(incidentId, assignee);
        }
        return new Audience(customerId, engineers);
    }

    /** The connected users of the incident's customer and the connected engineers it was offered or given to. */
    private Set<String> customerAndEngineers(Audience audience) {
        var readers = new HashSet<String>();
        if (audience.customerId() != null) {
            readers.addAll(connected.customer(audience.customerId()));
        }
        audience.engineerIds().forEach(engineerId -> readers.addAll(connected.engineer(engineerId)));
        return readers;
    }

    private void send(Collection<String> usernames, String destination, Object message) {
        usernames.forEach(username -> broker.convertAndSendToUser(username, destination, message));
    }
}
