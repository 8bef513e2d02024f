package io.switchboard.incidents;

import java.util.List;

/** Incidents became history: resolved live, or imported already resolved (then in batches). */
public record IncidentsResolved(List<String> incidentIds) {
}
