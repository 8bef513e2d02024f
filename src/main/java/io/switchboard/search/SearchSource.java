package io.switchboard.search;

import java.util.stream.Stream;

public interface SearchSource {
    Stream<IndexedEngineer> engineers();

    Stream<IndexedIncident> resolvedIncidents();

    String fingerprint();
}
