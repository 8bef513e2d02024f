package io.switchboard.search;

import java.util.Collection;

/** Keeps the search index in step with the database; the application calls these on changes. */
public interface SearchIndexing {

    /** Adds or replaces engineers; they are searchable when this returns. */
    void upsertEngineers(Collection<IndexedEngineer> engineers);

    /** Removes an engineer; gone from results when this returns. */
    void deleteEngineer(String engineerId);

    /** Adds (or replaces, by id) resolved incidents; they teach recommendations when this returns. */
    void addResolvedIncidents(Collection<IndexedIncident> incidents);

    /** Writes for a bulk load: each returns before its documents are searchable, so many share one refresh. */
    BulkWriter bulkWriter();

    /** Drops the index and rebuilds it from the {@link SearchSource}. */
    void rebuild();

    /** True once the index is open and loaded. */
    boolean isReady();

    /** Used by one thread at a time. */
    interface BulkWriter {

        void upsertEngineers(Collection<IndexedEngineer> engineers);

        void addResolvedIncidents(Collection<IndexedIncident> incidents);

        /** Returns once everything written through this writer is searchable. */
        void awaitSearchable();
    }
}
