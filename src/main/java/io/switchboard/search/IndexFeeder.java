package io.switchboard.search;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.switchboard.directory.EngineerStatusChanged;
import io.switchboard.directory.EngineersChanged;
import io.switchboard.incidents.IncidentsResolved;
import io.switchboard.persistence.AfterCommit;

/**
 * Keeps the index in step with the database. It runs right after each commit, in the caller's thread,
 * so the change is searchable before the request that made it returns. Inside a {@link BulkIndexing} session the
 * work goes to the session's second thread instead, and closing the session is what waits for it.
 *
 * <p>Nothing is stored to redo a change the index missed, as the database has it all: a server that stops without
 * closing the index rebuilds it at the next start, and a write that fails while running rebuilds it at once (a change
 * the database fails to give is first read again a few times: that leaves the index intact). So these
 * are plain after-commit reactions, not {@code @TransactionalEventListener}s, which Spring Modulith would keep a row
 * for (an insert in the caller's transaction and a delete in one of its own, for every resolved incident).
 */
@Component
class IndexFeeder implements BulkIndexing {
    private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);
    /** Batches a bulk load may run ahead of the index: enough to keep both threads busy, few enough to hold little. */
    private static final int QUEUED_BATCHES = 4;

    private final SearchIndexing index;
    private final DatabaseSearchSource source;
    private final ThreadLocal<BackgroundIndexer> session = new ThreadLocal<>();
    /** Refills asked for since the running one started; 0 when none runs. */
    private final AtomicInteger rebuildsWanted = new AtomicInteger();

    /** Pauses before reading a change again after the database failed to give it; then the index is rebuilt. */
    private final List<Duration> readAgainAfter;

    @Autowired
    IndexFeeder(SearchIndexing index, DatabaseSearchSource source) {
        this(index, source, List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    IndexFeeder(SearchIndexing index, DatabaseSearchSource source, List<Duration> readAgainAfter) {
        this.index = index;
        this.source = source;
        this.readAgainAfter = List.copyOf(readAgainAfter);
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

    @EventListener
    void on(EngineersChanged changed) {
        feed(() -> source.indexedEngineers(changed.engineerIds()), SearchIndexing.BulkWriter::upsertEngineers);
    }

    @EventListener
    void on(EngineerStatusChanged changed) {
        feed(() -> source.indexedEngineers(List.of(changed.engineerId())), SearchIndexing.BulkWriter::upsertEngineers);
    }

    @EventListener
    void on(IncidentsResolved resolved) {
        feed(() -> source.indexedIncidents(resolved.incidentIds()), SearchIndexing.BulkWriter::addResolvedIncidents);
    }

    /** @param read what the index gets, read from the database as it is now (so a late read is never stale) */
    private <T> void feed(Supplier<T> read, BiConsumer<SearchIndexing.BulkWriter, T> write) {
        AfterCommit.run(() -> {
            var background = session.get();
            if (background != null) {
                background.submit(writer -> write.accept(writer, read.get()));
                return;
            }
            T changed;
            try {
                changed = read.get();
            } catch (RuntimeException e) {
                // The database did not answer (under overload: no connection within the pool's timeout). The index is
                // intact and only lacks this change, so read it again in a while; a rebuild would read everything,
                // from that same overloaded database.
                log.warn("Could not read a change for the search index; reading it again in {}: {}",
                        readAgainAfter.getFirst(), e.toString());
                readAgainLater(read, write);
                return;
            }
            writeNow(changed, write);
        });
    }

    private <T> void readAgainLater(Supplier<T> read, BiConsumer<SearchIndexing.BulkWriter, T> write) {
        Thread.ofVirtual().name("search-index-read-again").start(() -> {
            RuntimeException last = null;
            for (Duration pause : readAgainAfter) {
                try {
                    Thread.sleep(pause);
                    writeNow(read.get(), write);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            if (index.isReady()) {
                log.error("Could not read a change for the search index {} times; rebuilding it from the database",
                        readAgainAfter.size() + 1, last);
                rebuildAfterFailure();
            }
        });
    }

    private <T> void writeNow(T changed, BiConsumer<SearchIndexing.BulkWriter, T> write) {
        try {
            var writer = index.bulkWriter();
            write.accept(writer, changed);
            writer.awaitSearchable();
        } catch (RuntimeException e) {
            if (index.isReady()) {
                log.error("Could not bring a change into the search index; rebuilding it from the database", e);
                rebuildAfterFailure();
            } else {
                // Closed by a shutdown, which waits for requests first: only one that outlived that wait gets here.
                // The next start rebuilds only if the database's counts differ from what the close wrote.
                log.error("A change reached the search index after it closed; should searches miss it after the "
                        + "next start, delete the index folder in the data directory to have it rebuilt", e);
            }
        }
    }

    /**
     * The index lacks part of what the database has: refill it from the database, away from the failed request. One
     * refill at a time: failures while it runs (a full disk fails every write) ask for one more refill after it, as it
     * may have read the database before their changes, not for one refill each.
     */
    private void rebuildAfterFailure() {
        if (rebuildsWanted.getAndIncrement() > 0) {
            return;
        }
        Thread.ofPlatform().name("search-index-rebuild").daemon().start(() -> {
            int wanted;
            do {
                wanted = rebuildsWanted.get();
                try {
                    index.rebuild();
                    log.info("Search index rebuilt after a failed update");
                } catch (RuntimeException e) {
                    log.error("Rebuilding the search index after a failed update failed too", e);
                }
            } while (!rebuildsWanted.compareAndSet(wanted, 0));
        });
    }
}
