package io.switchboard.search;

import java.util.List;

/** Finds engineers: dispatcher search, recommendation for an incident, typeahead. */
public interface EngineerFinder {

    /** @throws InvalidSearchException when the query cannot be parsed or is out of bounds */
    EngineerSearchResult search(EngineerSearch query);

    /** @throws InvalidSearchException when the request is out of bounds */
    Recommendations recommend(RecommendRequest request);

    /** The largest {@link RecommendRequest#limit()} that {@link #recommend} accepts. */
    int recommendLimit();

    List<Suggestion> suggest(String prefix, int limit);
}
