package io.switchboard.incidents;

import java.time.Instant;
import java.util.List;

public record IncidentView(String id, String systemId, String customerId, Severity severity, String title,
        String description, IncidentStatus status, String assignee, Instant openedAt, Instant ackBy,
        Instant resolveBy, Instant acknowledgedAt, Instant resolvedAt, String resolution, String resolvedBy,
        List<TimelineView> timeline) {
}
