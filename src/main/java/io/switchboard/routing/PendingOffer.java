package io.switchboard.routing;

import java.time.Instant;

import io.switchboard.incidents.Severity;

public record PendingOffer(String offerId, String incidentId, Severity severity, String title, String systemId,
        Instant expiresAt) {
}
