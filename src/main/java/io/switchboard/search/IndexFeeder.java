package io.switchboard.search;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.switchboard.directory.EngineerStatusChanged;
import io.switchboard.directory.EngineersChanged;
import io.switchboard.incidents.IncidentsResolved;

/**
 * Keeps the index in step with the database. It runs right after each commit, in the caller's thread,
 * so the change is searchable before the request that made it returns. Should the server stop before
 * that, the fingerprint check at start rebuilds the index.
 */
@Component
class IndexFeeder {
    private final SearchIndexing index;
    private final DatabaseSearchSource source;

    IndexFeeder(SearchIndexing index, DatabaseSearchSource source) {
        this.index = index;
        this.source = source;
    }

    @TransactionalEventListener
    void on(EngineersChanged changed) {
        index.upsertEngineers(source.indexedEngineers(changed.engineerIds()));
    }

    @TransactionalEventListener
    void on(EngineerStatusChanged changed) {
        index.upsertEngineers(source.indexedEngineers(List.of(changed.engineerId())));
    }

    @TransactionalEventListener
    void on(IncidentsResolved resolved) {
        index.addResolvedIncidents(source.indexedIncidents(resolved.incidentIds()));
    }
}
