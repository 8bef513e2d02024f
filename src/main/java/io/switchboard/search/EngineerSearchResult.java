package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record EngineerSearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {
}
