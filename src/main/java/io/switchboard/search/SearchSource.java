package io.switchboard.search;

import java.util.stream.Stream;

/** The truth the index is rebuilt from; implemented by the application. */
public interface SearchSource {

    Stream<IndexedEngineer> engineers();

    Stream<IndexedIncident> resolvedIncidents();

    /** Changes whenever the content the index reflects changes. */
    String fingerprint();
}
