package io.switchboard.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.switchboard.search.EngineerFinder;
import io.switchboard.search.EngineerSearch;
import io.switchboard.search.EngineerSearchResult;
import io.switchboard.search.IndexedEngineer;
import io.switchboard.search.IndexedIncident;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendations;
import io.switchboard.search.SearchIndexing;
import io.switchboard.search.SearchSettings;
import io.switchboard.search.SearchSource;
import io.switchboard.search.Suggestion;

/**
 * The one owner of every Lucene object: a single {@link IndexWriter} over a persistent {@link FSDirectory} (small new
 * segments held in memory until the next commit), a
 * near-real-time {@link SearcherManager} kept fresh by a {@link ControlledRealTimeReopenThread} (writes wait for
 * their sequence number, so they are searchable when the call returns), rebuilt from the {@link SearchSource}
 * when the index is missing, stale (fingerprint in the commit user data), damaged or was not closed. Closed in order.
 *
 * <p>Live writes are never committed on their own: a commit per write would cost more than the write. So while the
 * index is open its last commit says so ({@link #IN_USE}), and only a clean close commits the database's fingerprint.
 * A server that stopped any other way left an index whose last commit lacks what was written since, and the next open
 * rebuilds it, whatever the database's counts say. That is why nothing the index is fed needs to be kept elsewhere.
 */
@Component
public class LuceneEngineerIndex implements EngineerFinder, SearchIndexing, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneEngineerIndex.class);
    static final String FINGERPRINT = "switchboard.fingerprint";
    static final String SCHEMA = "switchboard.schema";
    /** The fingerprint of a commit made while the index is open: it is not known to match the database. */
    static final String IN_USE = "in use";
    private static final int BATCH = 2_000;
    /**
     * Live writes (a resolved incident, an engineer's change) each flush a tiny segment when they are made searchable,
     * and small merges follow. Kept in memory until a commit, these cost no file creation: on ext4, creating files
     * where many were just deleted was the reopen thread's main cost, about a sixth of the server's CPU under load.
     */
    private static final double NRT_CACHE_SEGMENT_MB = 5, NRT_CACHE_TOTAL_MB = 64;

    private final SearchSettings settings;
    private final SearchSource source;
    private final Clock clock;
    private final Path path;
    private final Analyzers analyzers;
    /** What writes update; a rebuild fills a fresh one while recommend keeps reading {@link #servedStats}. */
    private volatile ResolverStats stats;
    /** What recommend reads: the statistics of the index the searchers see. */
    private volatile ResolverStats servedStats;

    /** Guards open/close (write lock) against reads, writes and rebuilds (read lock). */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** A rebuild (write lock) waits for the writes under way (read lock); searches see the old index meanwhile. */
    private final ReentrantReadWriteLock indexing = new ReentrantReadWriteLock();
    /**
     * Writes that came while a rebuild refilled the writer, in order, written once it is done; null while none runs.
     * They are queued rather than left waiting because a writer may hold a database connection (the feed runs right
     * after its commit, before the connection goes back) while the refill needs one from the same pool: under a
     * storm every connection was held by a write waiting for a refill that waited for a connection.
     */
    private List<Write> deferred;
    /** Rebuilds started and not yet finished; guards {@link #deferred} with it. */
    private int rebuilding;
    /** While queued writes are written after a refill: what the refill wrote, so nothing is counted twice. */
    private DirectoryReader refilled;
    private final Object deferring = new Object();
    private volatile boolean ready;
    /** A write failed since the index was last filled: it lacks something, so a close must not vouch for it. */
    private volatile boolean missesWrites;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searcherManager;
    private ControlledRealTimeReopenThread<IndexSearcher> reopenThread;
    private boolean lastOpenRebuilt;

    @Autowired
    public LuceneEngineerIndex(SearchSettings settings, SearchSource source, Clock clock,
            @Value("${switchboard.data-dir:./data}") String dataDir) {
        this(settings, source, clock, Path.of(dataDir).resolve("index"));
    }

    public LuceneEngineerIndex(SearchSettings settings, SearchSource source, Clock clock, Path indexPath) {
        this.settings = settings;
        this.source = source;
        this.clock = clock;
        this.path = indexPath;
        this.analyzers = new Analyzers(settings.synonymsFile());
        this.stats = new ResolverStats(settings.recommend().recencyHalfLife());
        this.servedStats = stats;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Opens the index, rebuilding it from the source when missing, stale, damaged or not closed. Idempotent. */
    public void open() {
        open(false);
    }

    /** @param lastCommitIsOurs this server committed it as in use moments ago, with everything written until then */
    private void open(boolean lastCommitIsOurs) {
        lifecycle.writeLock().lock();
        try {
            if (ready) {
                return;
            }
            Files.createDirectories(path);
            directory = new NRTCachingDirectory(FSDirectory.open(path), NRT_CACHE_SEGMENT_MB, NRT_CACHE_TOTAL_MB);
            String fingerprint = source.fingerprint();
            String why = needsRebuild(fingerprint, lastCommitIsOurs);
            lastOpenRebuilt = why != null;
            if (why != null) {
                log.info("Rebuilding search index at {}: {}", path, why);
                wipe();
            }
            writer = new IndexWriter(directory, writerConfig(why != null));
            searcherManager = new SearcherManager(writer, true, true, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                        org.apache.lucene.index.IndexReader previous) {
                    IndexSearcher s = new IndexSearcher(reader);
                    s.setSimilarity(new BM25Similarity());
                    return s;
                }
            });
            startReopenThread();
            if (why != null) {
                fill();
            } else {
                loadStats();
                commit(IN_USE);
            }
            servedStats = stats;
            ready = true;
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("Cannot open search index at " + path, e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void startReopenThread() {
        reopenThread = new ControlledRealTimeReopenThread<>(writer, searcherManager,
                seconds(settings.index().reopenMaxStale()), seconds(settings.index().reopenMinStale()));
        reopenThread.setName("search-index-reopen");
        reopenThread.setDaemon(true);
        reopenThread.start();
    }

    /** True when the last {@link #open()} rebuilt the index from the source. */
    boolean lastOpenRebuilt() {
        return lastOpenRebuilt;
    }

    private static double seconds(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }

    private IndexWriterConfig writerConfig(boolean create) {
        IndexWriterConfig c = new IndexWriterConfig(analyzers.index());
        c.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
        c.setRAMBufferSizeMB(settings.index().ramBufferMb());
        c.setSimilarity(new BM25Similarity());
        c.setCommitOnClose(false);
        return c;
    }

    /** Why the index on disk cannot be used, or null when it can. */
    private String needsRebuild(String fingerprint, boolean lastCommitIsOurs) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return "no index yet";
            }
            Map<String, String> userData = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!Fields.SCHEMA_VERSION.equals(userData.get(SCHEMA))) {
                return "schema changed";
            }
            boolean inUse = IN_USE.equals(userData.get(FINGERPRINT));
            if (inUse && !lastCommitIsOurs) {
                return "not closed cleanly, so it may lack what was written last";
            }
            if (!inUse && (fingerprint == null || !fingerprint.equals(userData.get(FINGERPRINT)))) {
                return "stale (fingerprint " + userData.get(FINGERPRINT) + ", database " + fingerprint + ")";
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e + ")";
        }
    }

    private void wipe() throws IOException {
        for (String file : directory.listAll()) {
            if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                try {
                    directory.deleteFile(file);
                } catch (IOException e) {
                    log.warn("Cannot delete damaged index file {}: {}", file, e.toString());
                }
            }
        }
    }

    /** Streams everything from the source into the (empty) writer, commits it as in use, refreshes. */
    private void fill() throws IOException {
        stats.clear();
        try (Stream<IndexedEngineer> engineers = source.engineers()) {
            batches(engineers.iterator(), this::writeEngineers);
        }
        try (Stream<IndexedIncident> incidents = source.resolvedIncidents()) {
            batches(incidents.iterator(), this::writeIncidents);
        }
        commit(IN_USE);
        missesWrites = false; // only now: a refill that fails reopens a commit that may lack them still
        searcherManager.maybeRefreshBlocking();
    }

    private interface BatchWriter<T> {
        long write(List<T> batch) throws IOException;
    }

    private static <T> void batches(Iterator<T> it, BatchWriter<T> w) throws IOException {
        List<T> batch = new ArrayList<>(BATCH);
        while (it.hasNext()) {
            T t = it.next();
            if (t != null) {
                batch.add(t);
            }
            if (batch.size() >= BATCH) {
                w.write(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            w.write(batch);
        }
    }

    private void commit(String fingerprint) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA, Fields.SCHEMA_VERSION);
        data.put(FINGERPRINT, fingerprint == null ? "" : fingerprint);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** Rebuilds the in-memory resolver statistics from the incidents' doc values. */
    private void loadStats() throws IOException {
        stats.clear();
        IndexSearcher s = searcherManager.acquire();
        try {
            for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
                LeafReader r = ctx.reader();
                SortedDocValues resolver = r.getSortedDocValues(Fields.RESOLVER_DV);
                if (resolver == null) {
                    continue;
                }
                SortedDocValues system = r.getSortedDocValues(Fields.INC_SYSTEM_DV);
                SortedDocValues systemName = r.getSortedDocValues(Fields.INC_SYSTEM_NAME_DV);
                NumericDocValues at = r.getNumericDocValues(Fields.RESOLVED_AT);
                Bits live = r.getLiveDocs();
                for (int doc = resolver.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = resolver.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    String sys = null;
                    String sysName = null;
                    if (system != null && system.advanceExact(doc)) {
                        String raw = system.lookupOrd(system.ordValue()).utf8ToString();
                        sys = Fields.norm(raw);
                        sysName = raw;
                        if (systemName != null && systemName.advanceExact(doc)) {
                            sysName = systemName.lookupOrd(systemName.ordValue()).utf8ToString();
                        }
                    }
                    long t = at != null && at.advanceExact(doc) ? at.longValue() : 0L;
                    stats.add(resolver.lookupOrd(resolver.ordValue()).utf8ToString(), sys, sysName, t);
                }
            }
        } finally {
            searcherManager.release(s);
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (writer != null && writer.isOpen()) {
                try {
                    String fp;
                    try {
                        fp = missesWrites ? IN_USE : source.fingerprint();
                    } catch (RuntimeException e) {
                        fp = "";
                    }
                    reopenThread.close();
                    reopenThread = null;
                    searcherManager.close();
                    searcherManager = null;
                    commit(fp);
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not commit search index on close: {}", e.toString());
                }
            }
            closeQuietly();
        } finally {
            ready = false;
            lifecycle.writeLock().unlock();
        }
    }

    private void closeQuietly() {
        ready = false;
        if (reopenThread != null) {
            reopenThread.close();
            reopenThread = null;
        }
        try {
            if (searcherManager != null) {
                searcherManager.close();
            }
        } catch (IOException e) {
            log.warn("Closing searcher manager: {}", e.toString());
        }
        searcherManager = null;
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Closing index writer: {}", e.toString());
        }
        writer = null;
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            log.warn("Closing index directory: {}", e.toString());
        }
        directory = null;
    }

    // SmartLifecycle: open during context refresh (health is UP only after), close on shutdown.

    /**
     * Below the web server's phases (start/stop at DEFAULT_PHASE - 2048, graceful shutdown at - 1024): the index opens
     * before the server takes a request, and closes only after the graceful shutdown let the last one finish. At the
     * default phase it closed first, and every request still running failed on a closed index.
     */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        open();
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public boolean isRunning() {
        return ready;
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    // ------------------------------------------------------------------ indexing

    @Override
    public void upsertEngineers(Collection<IndexedEngineer> engineers) {
        if (engineers == null || engineers.isEmpty()) {
            return;
        }
        write(() -> writeEngineers(List.copyOf(engineers)));
    }

    @Override
    public void deleteEngineer(String engineerId) {
        if (engineerId == null) {
            return;
        }
        write(() -> writer.deleteDocuments(new Term(Fields.ENG_ID, engineerId)));
    }

    @Override
    public void addResolvedIncidents(Collection<IndexedIncident> incidents) {
        if (incidents == null || incidents.isEmpty()) {
            return;
        }
        write(() -> writeIncidents(List.copyOf(incidents)));
    }

    /**
     * Refills the index from the source while searches go on against the old one; they switch to the new one at
     * once when it is complete and committed. Writes made meanwhile do not wait: they are queued, and written in
     * their order once the refill is done, searchable at the next refresh after that. When the refill fails, the
     * index reopens from its last commit (rebuilding there if that is stale), the queued writes go into it, and the
     * failure is thrown.
     */
    @Override
    public void rebuild() {
        synchronized (deferring) {
            if (rebuilding++ == 0) {
                deferred = new ArrayList<>();
            }
        }
        indexing.writeLock().lock();
        try {
            if (!ready) {
                open();
                return;
            }
            try {
                refillBehindSearchers();
            } catch (IOException | RuntimeException e) {
                log.warn("Rebuilding the search index failed, reopening it: {}", e.toString());
                reopenFromLastCommit(e);
                throw e instanceof IOException io ? new UncheckedIOException("Rebuilding the search index failed", io)
                        : (RuntimeException) e;
            }
        } finally {
            writeDeferred();
            indexing.writeLock().unlock();
        }
    }

    /** Under the rebuild's lock, so that writes coming after the queue closes wait for the queued ones. */
    private void writeDeferred() {
        List<Write> writes;
        synchronized (deferring) {
            if (--rebuilding > 0) {
                return; // the next rebuild, waiting for the lock, refills and writes them
            }
            writes = deferred;
            deferred = null;
        }
        if (writes.isEmpty()) {
            return;
        }
        lifecycle.readLock().lock();
        try {
            requireReady();
            // A queued resolved incident may have been read by the refill too: written again, it must not count again.
            refilled = DirectoryReader.open(writer);
            for (Write w : writes) {
                writeNow(w);
            }
            // Their writers did not wait: searchable now, not at the next regular refresh (up to max-stale away).
            searcherManager.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            missesWrites = true;
            log.warn("Writes queued behind a rebuild failed; the index lacks them until it is rebuilt: {}", e.toString());
        } finally {
            closeRefilled();
            lifecycle.readLock().unlock();
        }
    }

    private void closeRefilled() {
        if (refilled != null) {
            try {
                refilled.close();
            } catch (IOException e) {
                log.debug("Closing the refill's reader failed", e);
            }
            refilled = null;
        }
    }

    private void refillBehindSearchers() throws IOException {
        lifecycle.readLock().lock();
        try {
            if (!ready) {
                return; // closed meanwhile
            }
            // no near-real-time refresh until fill() has committed: searchers keep their point-in-time view
            reopenThread.close();
            reopenThread = null;
            // what a failed refill rolls back to: everything written until now
            try {
                commit(IN_USE);
            } catch (IOException | RuntimeException e) {
                missesWrites = true; // the commit it rolls back to is older, from before the last writes
                throw e;
            }
            stats = new ResolverStats(settings.recommend().recencyHalfLife());
            writer.deleteAll();
            fill();
            servedStats = stats;
            startReopenThread();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Drops the half-filled writer (closing without commit rolls back) and opens the last commit again. */
    private void reopenFromLastCommit(Exception failure) {
        lifecycle.writeLock().lock();
        try {
            closeQuietly();
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            open(true);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private long writeEngineers(List<IndexedEngineer> engineers) throws IOException {
        long seq = -1;
        for (IndexedEngineer e : engineers) {
            if (e == null || Fields.blank(e.id())) {
                continue;
            }
            seq = writer.updateDocument(new Term(Fields.ENG_ID, e.id()), Fields.engineer(e, analyzers.index()));
            for (var s : e.systems()) {
                if (s != null && !Fields.blank(s.systemId())) {
                    stats.rememberSystemName(Fields.norm(s.systemId()), s.systemName());
                }
            }
        }
        return seq;
    }

    private long writeIncidents(List<IndexedIncident> incidents) throws IOException {
        long seq = -1;
        Instant now = clock.instant();
        for (IndexedIncident i : incidents) {
            if (i == null || Fields.blank(i.id()) || Fields.blank(i.resolvedBy())) {
                continue;
            }
            Term id = new Term(Fields.INC_ID, i.id());
            boolean counted = refilled != null && refilled.docFreq(id) > 0;
            seq = writer.updateDocument(id, Fields.incident(i, now));
            if (counted) {
                continue;
            }
            String sys = Fields.blank(i.systemId()) ? null : Fields.norm(i.systemId());
            stats.add(i.resolvedBy(), sys, Fields.blank(i.systemName()) ? (sys == null ? null : i.systemId().trim())
                    : i.systemName().trim(), (i.resolvedAt() == null ? now : i.resolvedAt()).toEpochMilli());
        }
        return seq;
    }

    private interface Write {
        long apply() throws IOException;
    }

    private void write(Write w) {
        awaitSearchable(writeLater(w));
    }

    /**
     * Writes without waiting for a refresh; returns the sequence number to wait for, or -1 for nothing to wait for
     * (nothing written, or queued behind a rebuild).
     */
    private long writeLater(Write w) {
        synchronized (deferring) {
            if (deferred != null) {
                deferred.add(w);
                return -1;
            }
            // With nothing queued no refill holds the write lock: at most a finished rebuild is writing its queue.
            indexing.readLock().lock();
        }
        try {
            return writeNow(w);
        } finally {
            indexing.readLock().unlock();
        }
    }

    private long writeNow(Write w) {
        lifecycle.readLock().lock();
        try {
            requireReady();
            return w.apply();
        } catch (IOException e) {
            missesWrites = true;
            throw new UncheckedIOException("Search index write failed", e);
        } catch (RuntimeException e) {
            missesWrites = true;
            throw e;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void awaitSearchable(long seq) {
        if (seq < 0) {
            return;
        }
        lifecycle.readLock().lock();
        try {
            requireReady();
            reopenThread.waitForGeneration(seq);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the search index", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Each write is one batch in the writer's RAM buffer; the reopen thread's regular refresh makes them visible. */
    @Override
    public BulkWriter bulkWriter() {
        return new BulkWriter() {
            private long last = -1;

            @Override
            public void upsertEngineers(Collection<IndexedEngineer> engineers) {
                if (engineers != null && !engineers.isEmpty()) {
                    last = Math.max(last, writeLater(() -> writeEngineers(List.copyOf(engineers))));
                }
            }

            @Override
            public void addResolvedIncidents(Collection<IndexedIncident> incidents) {
                if (incidents != null && !incidents.isEmpty()) {
                    last = Math.max(last, writeLater(() -> writeIncidents(List.copyOf(incidents))));
                }
            }

            @Override
            public void awaitSearchable() {
                LuceneEngineerIndex.this.awaitSearchable(last);
            }
        };
    }

    private void requireReady() {
        if (!ready) {
            throw new IllegalStateException("Search index is not open");
        }
    }

    // ------------------------------------------------------------------ reading

    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherFunction<T> fn) {
        lifecycle.readLock().lock();
        try {
            requireReady();
            IndexSearcher s = searcherManager.acquire();
            try {
                return fn.apply(s);
            } finally {
                searcherManager.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public EngineerSearchResult search(EngineerSearch query) {
        DispatcherSearch search = new DispatcherSearch(settings.query(), analyzers, clock);
        DispatcherSearch.Prepared prepared = search.prepare(query);
        return withSearcher(s -> search.execute(s, prepared));
    }

    @Override
    public Recommendations recommend(RecommendRequest request) {
        return recommend(request, settings.recommend());
    }

    @Override
    public int recommendLimit() {
        return settings.recommend().maxLimit();
    }

    /** Same as {@link #recommend} with other ranking settings (evaluation and tuning). */
    Recommendations recommend(RecommendRequest request, SearchSettings.Recommend with) {
        Recommender recommender = new Recommender(with, analyzers, servedStats, clock);
        Recommender.Prepared prepared = recommender.prepare(request);
        return withSearcher(s -> recommender.execute(s, prepared));
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        String p = Fields.norm(prefix);
        if (p.isEmpty()) {
            return List.of();
        }
        if (p.length() > 100) {
            p = p.substring(0, 100);
        }
        int n = Math.max(1, Math.min(limit <= 0 ? 10 : limit, 50));
        String key = p;
        return withSearcher(s -> Suggester.suggest(s, key, n));
    }

    Path path() {
        return path;
    }
}
