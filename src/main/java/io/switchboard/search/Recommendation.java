package io.switchboard.search;

import java.util.List;

public record Recommendation(String engineerId, String name, double score, List<Reason> reasons) {}
