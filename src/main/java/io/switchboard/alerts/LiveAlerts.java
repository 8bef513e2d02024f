package io.switchboard.alerts;

import java.util.function.Predicate;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.switchboard.directory.EngineerStatusChanged;
import io.switchboard.incidents.IncidentEscalated;
import io.switchboard.incidents.IncidentService;
import io.switchboard.incidents.IncidentUpdated;
import io.switchboard.incidents.SlaWarning;
import io.switchboard.routing.OfferMade;
import io.switchboard.routing.OfferWithdrawn;
import io.switchboard.security.CurrentUser;
import io.switchboard.security.CurrentUsers;

/**
 * Pushes what happened, once it is committed, to the connected users who may see it. A client that
 * was away reads the current state over REST, so nothing here needs to be replayed.
 */
@Component
class LiveAlerts {
    static final String OFFERS = "/queue/offers";
    static final String INCIDENTS = "/queue/incidents";
    static final String BOARD = "/topic/board";

    private final SimpMessagingTemplate broker;
    private final SimpUserRegistry users;
    private final IncidentService incidents;

    LiveAlerts(SimpMessagingTemplate broker, SimpUserRegistry users, IncidentService incidents) {
        this.broker = broker;
        this.users = users;
        this.incidents = incidents;
    }

    @TransactionalEventListener
    void on(OfferMade offer) {
        var message = new LiveMessages.Offer("OFFER", offer.offerId(), offer.incidentId(), offer.severity(),
                offer.title(), offer.systemId(), offer.expiresAt());
        sendToUsers(user -> offer.engineerId().equals(user.engineerId()), OFFERS, message);
    }

    @TransactionalEventListener
    void on(OfferWithdrawn withdrawn) {
        var message = new LiveMessages.OfferWithdrawn("OFFER_WITHDRAWN", withdrawn.offerId(), withdrawn.incidentId(),
                withdrawn.reason());
        sendToUsers(user -> withdrawn.engineerId().equals(user.engineerId()), OFFERS, message);
    }

    @TransactionalEventListener
    void on(IncidentUpdated updated) {
        var message = new LiveMessages.IncidentUpdated("INCIDENT_UPDATED", updated.incidentId(), updated.status(),
                updated.assignee(), updated.at());
        broker.convertAndSend(BOARD, message);
        var audience = incidents.audience(updated.incidentId(), updated.customerId(), updated.assignee());
        sendToUsers(audience::includes, INCIDENTS, message);
    }

    @TransactionalEventListener
    void on(IncidentEscalated escalated) {
        var message = new LiveMessages.Escalated("ESCALATED", escalated.incidentId(), escalated.reason(), escalated.at());
        broker.convertAndSend(BOARD, message);
        // The staff the policy names hear it in person too, even when they do not watch the board.
        sendToUsers(user -> user.isStaff() && escalated.escalatedTo().contains(user.username()), INCIDENTS, message);
    }

    @TransactionalEventListener
    void on(SlaWarning warning) {
        var message = new LiveMessages.SlaWarning("SLA_WARNING", warning.incidentId(), warning.deadline(), warning.due(),
                warning.breached(), warning.at());
        broker.convertAndSend(BOARD, message);
        // The customer (and the engineers on it) see their own incident's clock; staff already have it on the board.
        var audience = incidents.audience(warning.incidentId(), warning.customerId(), null);
        sendToUsers(user -> !user.isStaff() && audience.includes(user), INCIDENTS, message);
    }

    @TransactionalEventListener
    void on(EngineerStatusChanged changed) {
        broker.convertAndSend(BOARD, new LiveMessages.EngineerStatusChanged("ENGINEER_STATUS", changed.engineerId(),
                changed.status(), changed.at()));
    }

    private void sendToUsers(Predicate<CurrentUser> audience, String destination, Object message) {
        for (var user : users.getUsers()) {
            CurrentUsers.of(user.getPrincipal())
                    .filter(audience)
                    .ifPresent(current -> broker.convertAndSendToUser(user.getName(), destination, message));
        }
    }
}
