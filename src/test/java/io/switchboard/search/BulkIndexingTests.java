package io.switchboard.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.switchboard.directory.Directory;
import io.switchboard.incidents.IncidentHistory;
import io.switchboard.incidents.IncidentsResolved;
import io.switchboard.incidents.ResolvedIncident;

/**
 * The index follows committed changes: at once in the caller's thread, or in a bulk session on a second thread whose
 * close waits for all of it. A failure is an error of the session, or a rebuild from the database, never a gap.
 */
class BulkIndexingTests {

    @Test
    void closingTheSessionWaitsUntilEveryQueuedBatchIsWrittenAndSearchable() {
        var index = new RecordingIndex(0);
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), new History()));

        try (var session = feeder.begin()) {
            for (int batch = 0; batch < 20; batch++) {
                feeder.on(new IncidentsResolved(List.of("I" + batch + "-a", "I" + batch + "-b")));
                session.check();
            }
        }

        assertThat(index.written).hasSize(40).startsWith("I0-a", "I0-b").endsWith("I19-a", "I19-b");
        assertThat(index.awaited).as("one wait for searchability, at the end").hasValue(1);
        assertThat(index.writerThreads).containsOnly("bulk-indexer");
    }

    @Test
    void outsideASessionTheCallersThreadIndexesAndWaits() {
        var index = new RecordingIndex(0);
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), new History()));

        feeder.on(new IncidentsResolved(List.of("I1")));

        assertThat(index.written).containsExactly("I1");
        assertThat(index.awaited).hasValue(1);
        assertThat(index.writerThreads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void insideATransactionTheIndexIsFedOnceItCommitsAndNeverAfterARollback() {
        var index = new RecordingIndex(0);
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), new History()));

        for (int outcome : new int[] {TransactionSynchronization.STATUS_ROLLED_BACK, TransactionSynchronization.STATUS_COMMITTED}) {
            TransactionSynchronizationManager.initSynchronization();
            try {
                feeder.on(new IncidentsResolved(List.of(outcome == TransactionSynchronization.STATUS_COMMITTED ? "kept" : "undone")));
                assertThat(index.written).as("nothing before the transaction ends").isEmpty();
                TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(outcome));
            } finally {
                TransactionSynchronizationManager.clearSynchronization();
            }
        }

        assertThat(index.written).containsExactly("kept");
    }

    @Test
    void outsideASessionAFailedUpdateRebuildsTheIndexFromTheDatabaseInsteadOfFailingTheCaller() throws Exception {
        var index = new RecordingIndex(1);
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), new History()));

        feeder.on(new IncidentsResolved(List.of("I1")));

        assertThat(index.rebuilt.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aChangeTheDatabaseFailedToGiveIsReadAgainAndWrittenWithoutARebuild() throws Exception {
        var index = new RecordingIndex(0);
        var history = new History();
        history.failuresLeft.set(2); // the pool timed out for the first read and the first read again
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), history),
                List.of(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)));

        feeder.on(new IncidentsResolved(List.of("I1")));

        await().atMost(Duration.ofSeconds(10)).until(() -> index.written.contains("I1"));
        assertThat(index.rebuilds).hasValue(0);
    }

    @Test
    void aChangeTheDatabaseKeepsFailingToGiveRebuildsTheIndexOnceTheReadsAgainFailed() throws Exception {
        var index = new RecordingIndex(0);
        var history = new History();
        history.failuresLeft.set(Integer.MAX_VALUE);
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), history),
                List.of(Duration.ofMillis(10), Duration.ofMillis(10)));

        feeder.on(new IncidentsResolved(List.of("I1")));

        assertThat(index.rebuilt.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(history.reads).as("the first read and one for each pause").hasValue(3);
        assertThat(index.written).isEmpty();
    }

    @Test
    void failuresWhileARebuildRunsAskForOneMoreRebuildNotOneEach() throws Exception {
        var index = new RecordingIndex(0);
        index.failAll = true;
        var firstRebuild = new CountDownLatch(1);
        index.rebuildBlock = firstRebuild;
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), new History()));

        feeder.on(new IncidentsResolved(List.of("I0")));
        await().atMost(Duration.ofSeconds(10)).until(() -> index.rebuilds.get() == 1);
        for (int i = 1; i <= 20; i++) {
            feeder.on(new IncidentsResolved(List.of("I" + i)));
        }
        index.rebuildBlock = null;
        firstRebuild.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> index.rebuilds.get() == 2);
        Thread.sleep(200);
        assertThat(index.rebuilds).as("the one running, then one for all twenty failures during it").hasValue(2);
    }

    @Test
    void aChangeThatArrivesAfterTheIndexClosedStartsNoRebuild() throws Exception {
        var index = new RecordingIndex(1);
        index.ready = false;
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), new History()));

        feeder.on(new IncidentsResolved(List.of("I1")));

        assertThat(index.rebuilt.await(200, TimeUnit.MILLISECONDS)).as("a rebuild would open it again mid-shutdown")
                .isFalse();
    }

    @Test
    void aFailedBackgroundUpdateIsAnErrorOfTheSessionAndStartsARebuild() throws Exception {
        var index = new RecordingIndex(3);
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), new History()));

        var session = feeder.begin();
        for (int batch = 0; batch < 10; batch++) {
            feeder.on(new IncidentsResolved(List.of("I" + batch)));
        }

        assertThatThrownBy(session::close).isInstanceOf(BulkIndexingFailedException.class)
                .hasMessageContaining("disk full");
        assertThatThrownBy(session::check).isInstanceOf(BulkIndexingFailedException.class);
        assertThat(index.written).as("nothing after the failure").containsExactly("I0", "I1");
        assertThat(index.rebuilt.await(10, TimeUnit.SECONDS)).as("the index is refilled from the database").isTrue();
    }

    @Test
    void theProducerIsHeldBackWhileTheIndexIsBehind() throws Exception {
        var index = new RecordingIndex(0);
        var release = new CountDownLatch(1);
        index.blockUntil = release;
        var feeder = new IndexFeeder(index, new DatabaseSearchSource(mock(Directory.class), new History()));
        var submitted = new AtomicInteger();

        var producer = Thread.ofPlatform().start(() -> {
            try (var session = feeder.begin()) {
                for (int batch = 0; batch < 50; batch++) {
                    feeder.on(new IncidentsResolved(List.of("I" + batch)));
                    submitted.incrementAndGet();
                }
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.getState() == Thread.State.WAITING);

        assertThat(submitted.get()).as("the queue's few batches and the one being written, not all fifty")
                .isBetween(1, 5);
        release.countDown();
        producer.join(10_000);
        assertThat(index.written).hasSize(50);
    }

    /** Resolved incidents as the database would return them, one per id; fails while told to. */
    static final class History implements IncidentHistory {
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<String> incidentIdsAfter(String afterId, int limit) {
            return List.of();
        }

        @Override
        public List<ResolvedIncident> resolved(Collection<String> incidentIds) {
            reads.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("Connection is not available, request timed out after 30000ms");
            }
            return incidentIds.stream().map(id -> new ResolvedIncident(id, null, "t", "d", "r", "E1", Instant.EPOCH))
                    .toList();
        }

        @Override
        public String fingerprint() {
            return "";
        }
    }

    /** Records what was written by whom; fails on the n-th write when told to. */
    static final class RecordingIndex implements SearchIndexing {
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<String> writerThreads = new CopyOnWriteArrayList<>();
        final AtomicInteger awaited = new AtomicInteger();
        final CountDownLatch rebuilt = new CountDownLatch(1);
        final int failOnWrite;
        final AtomicInteger writes = new AtomicInteger();
        volatile CountDownLatch blockUntil;
        volatile boolean ready = true;
        volatile boolean failAll;
        final AtomicInteger rebuilds = new AtomicInteger();
        volatile CountDownLatch rebuildBlock;

        RecordingIndex(int failOnWrite) {
            this.failOnWrite = failOnWrite;
        }

        @Override
        public BulkWriter bulkWriter() {
            return new BulkWriter() {
                @Override
                public void upsertEngineers(Collection<IndexedEngineer> engineers) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void addResolvedIncidents(Collection<IndexedIncident> incidents) {
                    waitIfBlocked();
                    if (writes.incrementAndGet() == failOnWrite || failAll) {
                        throw new IllegalStateException("disk full");
                    }
                    writerThreads.add(Thread.currentThread().getName());
                    written.addAll(new ArrayList<>(incidents.stream().map(IndexedIncident::id).toList()));
                }

                @Override
                public void awaitSearchable() {
                    awaited.incrementAndGet();
                }
            };
        }

        private void waitIfBlocked() {
            var latch = blockUntil;
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void upsertEngineers(Collection<IndexedEngineer> engineers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteEngineer(String engineerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addResolvedIncidents(Collection<IndexedIncident> incidents) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rebuild() {
            rebuilds.incrementAndGet();
            var latch = rebuildBlock;
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            rebuilt.countDown();
        }

        @Override
        public boolean isReady() {
            return ready;
        }
    }
}
