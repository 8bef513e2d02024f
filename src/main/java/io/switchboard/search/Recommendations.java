package io.switchboard.search;

import java.util.List;

public record Recommendations(List<Recommendation> hits) {}
