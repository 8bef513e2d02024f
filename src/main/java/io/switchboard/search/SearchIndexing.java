package io.switchboard.search;

import java.util.Collection;

public interface SearchIndexing {
    void upsertEngineers(Collection<IndexedEngineer> engineers);

    void deleteEngineer(String engineerId);

    void addResolvedIncidents(Collection<IndexedIncident> incidents);

    void rebuild();

    boolean isReady();
}
