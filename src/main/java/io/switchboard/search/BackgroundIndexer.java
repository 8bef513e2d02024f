package io.switchboard.search;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk session's second thread: takes index updates from a short queue (a full queue holds the producer
 * back, so memory stays flat whatever the load's size) and writes them without waiting for each to become
 * searchable; closing waits for the queue to drain and for everything written to be searchable. The first failure
 * is kept, the rest of the queue is dropped, and {@code onFailure} runs once the thread is done.
 */
final class BackgroundIndexer implements BulkIndexing.Session {
    private static final Logger log = LoggerFactory.getLogger(BackgroundIndexer.class);
    private static final Consumer<SearchIndexing.BulkWriter> END = writer -> {};

    private final BlockingQueue<Consumer<SearchIndexing.BulkWriter>> queue;
    private final SearchIndexing.BulkWriter writer;
    private final Runnable onFailure;
    private final Thread thread;
    private volatile RuntimeException failure;
    private boolean closed;

    BackgroundIndexer(SearchIndexing.BulkWriter writer, int queueLength, Runnable onFailure) {
        this.queue = new ArrayBlockingQueue<>(queueLength);
        this.writer = writer;
        this.onFailure = onFailure;
        this.thread = Thread.ofPlatform().name("bulk-indexer").daemon().start(this::run);
    }

    /** Queues an update; waits while the queue is full. Dropped once an update has failed. */
    void submit(Consumer<SearchIndexing.BulkWriter> update) {
        if (closed) {
            throw new IllegalStateException("bulk indexing session is closed");
        }
        if (failure == null) {
            put(update);
        }
    }

    @Override
    public void check() {
        if (failure != null) {
            throw new BulkIndexingFailedException(failure);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the search index", e);
        }
        check();
    }

    private void put(Consumer<SearchIndexing.BulkWriter> update) {
        try {
            queue.put(update);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while queueing a search index update", e);
        }
    }

    private void run() {
        try {
            for (var update = queue.take(); update != END; update = queue.take()) {
                if (failure == null) {
                    apply(update);
                }
            }
            if (failure == null) {
                apply(SearchIndexing.BulkWriter::awaitSearchable);
            }
        } catch (InterruptedException e) {
            failure = new IllegalStateException("bulk indexing was interrupted", e);
        }
        if (failure != null) {
            onFailure.run();
        }
    }

    private void apply(Consumer<SearchIndexing.BulkWriter> update) {
        try {
            update.accept(writer);
        } catch (RuntimeException e) {
            log.error("A background search index update failed; the rest of this bulk load is not indexed", e);
            failure = e;
        }
    }
}
