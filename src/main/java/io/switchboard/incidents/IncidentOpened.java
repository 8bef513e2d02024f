package io.switchboard.incidents;

import java.time.Instant;

public record IncidentOpened(String incidentId, String customerId, Severity severity, Instant at) {
}
