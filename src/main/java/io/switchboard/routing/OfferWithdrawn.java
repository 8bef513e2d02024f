package io.switchboard.routing;

public record OfferWithdrawn(String offerId, String incidentId, String engineerId, String reason) {
}
