package io.switchboard.routing;

import java.time.Instant;

import io.switchboard.incidents.Severity;

public record OfferMade(String offerId, String incidentId, String engineerId, Severity severity, String title, String systemId, Instant expiresAt) {
}
