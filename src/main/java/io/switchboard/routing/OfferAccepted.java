package io.switchboard.routing;

import java.time.Instant;

public record OfferAccepted(String offerId, String incidentId, String engineerId, Instant at) {
}
