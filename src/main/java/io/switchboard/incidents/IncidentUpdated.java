package io.switchboard.incidents;

import java.time.Instant;

/** The incident's status or assignee changed. */
public record IncidentUpdated(String incidentId, String customerId, IncidentStatus status, String assignee,
        Instant at) {

    /** Someone has it now, or it is done: nobody needs to be asked any more. */
    public boolean leftRouting() {
        return status == IncidentStatus.ASSIGNED || status == IncidentStatus.RESOLVED;
    }
}
