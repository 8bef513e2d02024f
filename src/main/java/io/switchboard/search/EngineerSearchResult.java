package io.switchboard.search;

import java.util.List;
import java.util.Map;

/** {@code facets} keys: skills, status, systems. */
public record EngineerSearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {}
