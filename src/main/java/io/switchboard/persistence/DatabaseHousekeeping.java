package io.switchboard.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rewrites the live rows out of mostly-dead parts of the H2 file, so the file stays near the size of its data, and
 * puts what H2 wrote on the disk.
 *
 * <p>H2 appends every commit to the file as a chunk and frees a chunk only when none of its pages is still live. A
 * commit touches a few pages of each table it writes, so most chunks keep a page or two that nothing overwrites for a
 * long time, and the file grows with every commit: at 100 incidents/s by 13 MB a second, to 1.9 GB in a five-minute
 * load run for 235 MB of data. H2 moves those pages to fresh chunks in its background writer, but that thread runs
 * only with a write delay, and {@code WRITE_DELAY=0} (each commit on disk before it returns) is what keeps an answered
 * request from being lost. So the same maintenance runs here, on a beat: a bounded amount of rewriting at a time,
 * under H2's store lock, which commits wait for.
 *
 * <p>The beat then hands the file's new writes to the disk ({@code fsync}). Left to the operating system, which writes
 * dirty pages back once they are 30 s old, the 20 MB a second H2 writes at 100 incidents/s went to the disk in bursts
 * of 200-700 MB every 30 s, and the slowest incidents of a load run were the ones opened during those bursts. Synced
 * every second it goes out as it comes; a power cut then takes about a second of commits, not half a minute.
 */
@Component
class DatabaseHousekeeping {
    private static final Logger log = LoggerFactory.getLogger(DatabaseHousekeeping.class);

    private final DataSource dataSource;
    private final HousekeepingSettings settings;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("database-housekeeping").daemon().factory());
    private final AtomicLong failedRounds = new AtomicLong();

    DatabaseHousekeeping(DataSource dataSource, HousekeepingSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * A thread of its own: a sync may wait on a busy disk for a while, and the application's scheduler runs the routing
     * sweep, which must not wait behind it.
     */
    @PostConstruct
    void start() {
        long millis = settings.interval().toMillis();
        beat.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Lets a running round finish: interrupting a thread in file I/O would close H2's file channel under it. */
    @PreDestroy
    void stop() {
        beat.shutdown();
    }

    void run() {
        try {
            MVStore store = fileStore(dataSource);
            if (store != null) {
                tend(store);
            }
        } catch (SQLException | RuntimeException e) {
            // A closing database (shutdown) or a full disk: the next beat tries again; nothing was lost, the file is
            // only larger, or its last writes later on the disk, than they need to be.
            failedRounds.incrementAndGet();
            log.warn("Could not compact or sync the database file; trying again in {}: {}", settings.interval(),
                    e.toString());
        }
    }

    void tend(MVStore store) {
        int writeLimit = (int) Math.min(Integer.MAX_VALUE, settings.writeLimit().toBytes());
        store.compact(settings.targetFillRate(), writeLimit);
        store.sync();
    }

    /** Rounds that failed since the start (see {@link DatabaseMetrics}). */
    long failedRounds() {
        return failedRounds.get();
    }

    /** H2's store behind the pool's database, or null when it keeps nothing in a file (an in-memory database). */
    static MVStore fileStore(DataSource dataSource) throws SQLException {
        // Looked up on every beat rather than kept: should the pool ever close all its connections, H2 closes the
        // database and a kept store would be a closed one.
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return null;
            }
            var store = session.getDatabase().getStore();
            return store == null || store.getMvStore().getFileStore() == null ? null : store.getMvStore();
        }
    }
}
