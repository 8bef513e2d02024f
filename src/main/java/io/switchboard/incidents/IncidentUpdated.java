package io.switchboard.incidents;

import java.time.Instant;

/** The incident's status or assignee changed. */
public record IncidentUpdated(String incidentId, String customerId, IncidentStatus status, String assignee,
        Instant at) {
}
