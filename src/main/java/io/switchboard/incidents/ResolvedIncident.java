package io.switchboard.incidents;

import java.time.Instant;

/** A resolved incident as history: what was wrong, how it was fixed, by whom. */
public record ResolvedIncident(String id, String systemId, String title, String description, String resolution,
        String resolvedBy, Instant resolvedAt) {
}
