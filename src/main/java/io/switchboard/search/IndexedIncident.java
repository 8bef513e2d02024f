package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record IndexedIncident(String id, String systemId, String systemName, String product, String title, String description, String resolution, String resolvedBy, java.time.Instant resolvedAt) {
}
