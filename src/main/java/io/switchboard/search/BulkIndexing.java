package io.switchboard.search;

/**
 * For bulk loads such as the import: while a session is open, the index updates that the opening thread's commits
 * cause are made by a second thread, overlapped with the next writes, instead of in that thread after each commit.
 * The database stays the truth: the second thread reads what was committed and indexes it.
 */
public interface BulkIndexing {

    /** Starts a session for the calling thread; close it in the same thread. */
    Session begin();

    interface Session extends AutoCloseable {

        /**
         * Throws {@link BulkIndexingFailedException} when a background update failed: from then on the index lacks
         * what the database has, so the load should stop.
         */
        void check();

        /** Waits until every update of the session is written and searchable; throws when one failed. */
        @Override
        void close();
    }
}
