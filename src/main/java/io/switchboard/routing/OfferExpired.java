package io.switchboard.routing;

import java.time.Instant;

public record OfferExpired(String offerId, String incidentId, String engineerId, Instant at) {
}
