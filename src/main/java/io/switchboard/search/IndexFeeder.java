package io.switchboard.search;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.switchboard.directory.EngineerStatusChanged;
import io.switchboard.directory.EngineersChanged;
import io.switchboard.incidents.IncidentsResolved;

/**
 * Keeps the index in step with the database. It runs right after each commit, in the caller's thread,
 * so the change is searchable before the request that made it returns. Should the server stop before
 * that, the fingerprint check at start rebuilds the index. Inside a {@link BulkIndexing} session the work goes
 * to the session's second thread instead, and closing the session is what waits for it.
 */
@Component
class IndexFeeder implements BulkIndexing {
    private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);
    /** Batches a bulk load may run ahead of the index: enough to keep both threads busy, few enough to hold little. */
    private static final int QUEUED_BATCHES = 4;

    private final SearchIndexing index;
    private final DatabaseSearchSource source;
    private final ThreadLocal<BackgroundIndexer> session = new ThreadLocal<>();

    IndexFeeder(SearchIndexing index, DatabaseSearchSource source) {
        this.index = index;
        this.source = source;
    }

    @Override
    public Session begin() {
        if (session.get() != null) {
            throw new IllegalStateException("a bulk indexing session is already open in this thread");
        }
        var background = new BackgroundIndexer(index.bulkWriter(), QUEUED_BATCHES, this::rebuildAfterFailure);
        session.set(background);
        return new Session() {
            @Override
            public void check() {
                background.check();
            }

            @Override
            public void close() {
                session.remove();
                background.close();
            }
        };
    }

    @TransactionalEventListener
    void on(EngineersChanged changed) {
        feed(writer -> writer.upsertEngineers(source.indexedEngineers(changed.engineerIds())));
    }

    @TransactionalEventListener
    void on(EngineerStatusChanged changed) {
        feed(writer -> writer.upsertEngineers(source.indexedEngineers(List.of(changed.engineerId()))));
    }

    @TransactionalEventListener
    void on(IncidentsResolved resolved) {
        feed(writer -> writer.addResolvedIncidents(source.indexedIncidents(resolved.incidentIds())));
    }

    private void feed(Consumer<SearchIndexing.BulkWriter> update) {
        var background = session.get();
        if (background != null) {
            background.submit(update);
        } else {
            var writer = index.bulkWriter();
            update.accept(writer);
            writer.awaitSearchable();
        }
    }

    /** The index lacks part of what the database has: refill it from the database, away from the failed request. */
    private void rebuildAfterFailure() {
        Thread.ofPlatform().name("search-index-rebuild").daemon().start(() -> {
            try {
                index.rebuild();
                log.info("Search index rebuilt after a failed bulk update");
            } catch (RuntimeException e) {
                log.error("Rebuilding the search index after a failed bulk update failed too", e);
            }
        });
    }
}
