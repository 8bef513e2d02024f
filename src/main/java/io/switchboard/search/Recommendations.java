package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record Recommendations(List<Recommendation> hits) {
}
