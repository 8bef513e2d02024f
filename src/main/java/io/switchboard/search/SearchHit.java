package io.switchboard.search;

import java.util.List;
import java.util.Map;

public record SearchHit(String engineerId, float score, Map<String, List<String>> highlights, List<String> reasons,
        Double distanceKm) {}
