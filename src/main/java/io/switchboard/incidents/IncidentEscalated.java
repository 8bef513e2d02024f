package io.switchboard.incidents;

import java.time.Instant;
import java.util.List;

/** @param escalatedTo usernames of the dispatchers or admins to tell in person, besides the board */
public record IncidentEscalated(String incidentId, String customerId, String reason, List<String> escalatedTo,
        Instant at) {

    public IncidentEscalated {
        // events stored before the field existed are read back without it
        escalatedTo = escalatedTo == null ? List.of() : List.copyOf(escalatedTo);
    }
}
