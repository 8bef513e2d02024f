package io.switchboard.alerts;

import java.time.Instant;

import io.switchboard.directory.EngineerStatus;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.incidents.Severity;

/** The JSON bodies of STOMP frames; each has a {@code type} so a client can switch on it. */
final class LiveMessages {
    private LiveMessages() {
    }

    record Offer(String type, String offerId, String incidentId, Severity severity, String title, String systemId,
            Instant expiresAt) {
    }

    record OfferWithdrawn(String type, String offerId, String incidentId, String reason) {
    }

    record IncidentUpdated(String type, String incidentId, IncidentStatus status, String assignee, Instant at) {
    }

    record Escalated(String type, String incidentId, String reason, Instant at) {
    }

    /** @param due the deadline itself; {@code at} is when it was noticed */
    record SlaWarning(String type, String incidentId, io.switchboard.incidents.SlaWarning.Deadline deadline, Instant due,
            boolean breached, Instant at) {
    }

    record EngineerStatusChanged(String type, String engineerId, EngineerStatus status, Instant at) {
    }
}
