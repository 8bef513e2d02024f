package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record RecommendRequest(String systemId, String product, String title, String description, int limit, boolean availableOnly, Set<String> excludeEngineerIds) {
}
