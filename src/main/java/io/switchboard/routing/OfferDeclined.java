package io.switchboard.routing;

import java.time.Instant;

public record OfferDeclined(String offerId, String incidentId, String engineerId, String reason, Instant at) {
}
