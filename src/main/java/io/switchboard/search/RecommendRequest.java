package io.switchboard.search;

import java.util.Set;

public record RecommendRequest(String systemId, String product, String title, String description, int limit,
        boolean availableOnly, Set<String> excludeEngineerIds) {

    public RecommendRequest {
        excludeEngineerIds = excludeEngineerIds == null ? Set.of() : Set.copyOf(excludeEngineerIds);
    }
}
