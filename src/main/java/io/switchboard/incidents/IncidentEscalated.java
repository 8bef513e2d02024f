package io.switchboard.incidents;

import java.time.Instant;

public record IncidentEscalated(String incidentId, String customerId, String reason, Instant at) {
}
