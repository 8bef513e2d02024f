package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record SearchHit(String engineerId, float score, Map<String, List<String>> highlights, List<String> reasons, Double distanceKm) {
}
