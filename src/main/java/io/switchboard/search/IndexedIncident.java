package io.switchboard.search;

import java.time.Instant;

/** A resolved incident: history that teaches the recommendation. */
public record IndexedIncident(String id, String systemId, String systemName, String product, String title,
        String description, String resolution, String resolvedBy, Instant resolvedAt) {}
