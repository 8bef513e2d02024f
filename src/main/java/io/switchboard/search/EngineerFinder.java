package io.switchboard.search;

import java.util.List;

public interface EngineerFinder {
    EngineerSearchResult search(EngineerSearch query);

    Recommendations recommend(RecommendRequest request);

    List<Suggestion> suggest(String prefix, int limit);
}
