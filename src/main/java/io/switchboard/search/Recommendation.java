package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record Recommendation(String engineerId, String name, double score, List<Reason> reasons) {
}
