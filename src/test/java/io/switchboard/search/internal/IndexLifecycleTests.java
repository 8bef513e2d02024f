package io.switchboard.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.search.EngineerSearch;
import io.switchboard.search.IndexedEngineer;
import io.switchboard.search.IndexedIncident;
import io.switchboard.search.Reason;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendation;
import io.switchboard.search.SearchHit;
import io.switchboard.search.SearchSettings;
import io.switchboard.search.SearchSource;

class IndexLifecycleTests {

    @TempDir
    Path dir;

    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopRebuilder() {
        rebuilder.shutdownNow();
    }

    private record Answers(List<String> search, List<String> recommend, List<String> suggest) {}

    private static Answers answers(LuceneEngineerIndex index) {
        return new Answers(
                index.search(EngineerSearch.of("plc")).hits().stream().map(SearchHit::engineerId).toList(),
                index.recommend(new RecommendRequest("SYS-7", null, "Gateway lost connection", "PLC offline", 10, false,
                        Set.of())).hits().stream().map(Recommendation::engineerId).toList(),
                index.suggest("a", 10).stream().map(s -> s.kind() + ":" + s.text()).toList());
    }

    @Test
    void aReopenIntervalLongerThanTheStalenessAllowedIsRefusedAtStartWithTheSettingsNamed() {
        assertThatThrownBy(() -> TestSettings.with(Map.of("switchboard.search.index.reopen-min-stale", "2m",
                "switchboard.search.index.reopen-max-stale", "60s")))
                .rootCause().hasMessageContaining("reopen-min-stale (PT2M) must be at least 0 and at most "
                        + "reopen-max-stale (PT1M)");
    }

    @Test
    void survivesARestartWithoutRebuilding() {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        Answers before;
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            assertThat(index.lastOpenRebuilt()).isTrue();
            assertThat(index.isReady()).isTrue();
            before = answers(index);
        }
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            assertThat(index.lastOpenRebuilt()).isFalse();
            assertThat(source.engineerReads).isEqualTo(1);
            assertThat(answers(index)).isEqualTo(before);
        }
    }

    @Test
    void keepsWritesMadeAfterOpenAcrossARestart() {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        IndexedEngineer erin = new IndexedEngineer("E7", "Erin Vos", null, List.of("Robotics"), List.of(), List.of(),
                null, null, List.of(), "AVAILABLE");
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            index.upsertEngineers(List.of(erin));
            source.engineers.add(erin);
            source.fingerprint = "v2"; // the database changed and the index was told
        }
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            assertThat(index.lastOpenRebuilt()).isFalse();
            assertThat(index.search(EngineerSearch.of("robotics")).hits()).extracting(SearchHit::engineerId)
                    .containsExactly("E7");
        }
    }

    @Test
    void anIndexLeftOpenByACrashIsRebuiltAtStartThoughTheDatabaseCountsTheSame() throws IOException {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        Path live = dir.resolve("live"), crashed = dir.resolve("crashed");
        try (LuceneEngineerIndex index = Fixtures.open(source, live)) {
            // an engineer's skills changed: searchable at once, but the counts behind the fingerprint stay the same
            var edited = source.engineers.stream().filter(e -> e.id().equals("E1")).findFirst().orElseThrow();
            var robotics = new IndexedEngineer("E1", edited.name(), edited.email(), List.of("Robotics"), edited.systems(),
                    edited.certifications(), edited.base(), edited.timeZone(), edited.languages(), edited.status());
            index.upsertEngineers(List.of(robotics));
            source.engineers.replaceAll(e -> e.id().equals("E1") ? robotics : e);
            assertThat(index.search(EngineerSearch.of("robotics")).hits()).extracting(SearchHit::engineerId)
                    .containsExactly("E1");
            // what the disk holds when the process is killed now
            copyFolder(live, crashed);
        }
        try (LuceneEngineerIndex index = Fixtures.open(source, crashed)) {
            assertThat(index.lastOpenRebuilt()).isTrue();
            assertThat(index.search(EngineerSearch.of("robotics")).hits()).extracting(SearchHit::engineerId)
                    .containsExactly("E1");
        }
    }

    @Test
    void aCleanCloseAfterAFailedWriteDoesNotVouchForTheIndex() {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            assertThatThrownBy(() -> index.upsertEngineers(List.of(refusedByLucene()))).isInstanceOf(RuntimeException.class);
        }
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            assertThat(index.lastOpenRebuilt()).isTrue();
        }
    }

    @Test
    void aWriteMissedBeforeARefillThatFailedStillKeepsTheCloseFromVouchingForTheIndex() {
        GatedSource source = new GatedSource();
        try (LuceneEngineerIndex index = new LuceneEngineerIndex(TestSettings.defaults(), source, Fixtures.CLOCK, dir)) {
            index.open();
            assertThatThrownBy(() -> index.upsertEngineers(List.of(refusedByLucene()))).isInstanceOf(RuntimeException.class);
            source.gated = true;
            source.fail = true;
            assertThatThrownBy(index::rebuild).hasMessageContaining("source went away");
            assertThat(index.isReady()).as("back on the commit made before the refill").isTrue();
        }
        try (LuceneEngineerIndex index = Fixtures.open(new Fixtures.FakeSource(), dir)) {
            assertThat(index.lastOpenRebuilt()).isTrue();
        }
    }

    /** Lucene refuses a term this long: a write of it fails, and the index lacks what the database has. */
    private static IndexedEngineer refusedByLucene() {
        return new IndexedEngineer("E9".repeat(20_000), "Immense Id", null, List.of("Robotics"), List.of(), List.of(),
                null, null, List.of(), "AVAILABLE");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** Something done to the index folder while the server is down. */
    private interface Damage {
        void to(Path folder) throws IOException;
    }

    private void assertRebuiltWithTheSameAnswersAfter(Damage damage) throws IOException {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        Answers before;
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            before = answers(index);
        }
        damage.to(dir);
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            assertThat(index.lastOpenRebuilt()).isTrue();
            assertThat(answers(index)).isEqualTo(before);
        }
    }

    private static void deleteFiles(Path folder, java.util.function.Predicate<String> named) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> named.test(f.getFileName().toString())).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void rebuildsWhenIndexFilesAreDeleted() throws IOException {
        assertRebuiltWithTheSameAnswersAfter(folder -> deleteFiles(folder, name -> !name.startsWith("segments")));
        assertRebuiltWithTheSameAnswersAfter(folder -> deleteFiles(folder, name -> true));
    }

    @Test
    void rebuildsWhenIndexFilesAreCorrupt() throws IOException {
        assertRebuiltWithTheSameAnswersAfter(folder -> {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                        long len = raf.length();
                        if (len > 0) {
                            raf.seek(len / 2);
                            raf.write(new byte[] {0x13, 0x37, 0x42, 0x00, 0x7f});
                        }
                    }
                }
            }
        });
    }

    @Test
    void rebuildsAnIndexWrittenWithAnotherSchemaThoughItClosedCleanly() throws IOException {
        assertRebuiltWithTheSameAnswersAfter(folder -> {
            try (var files = FSDirectory.open(folder); var writer = new IndexWriter(files,
                    new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
                var userData = new HashMap<>(SegmentInfos.readLatestCommit(files).getUserData());
                userData.put(LuceneEngineerIndex.SCHEMA, "an older schema");
                writer.setLiveCommitData(userData.entrySet(), true);
                writer.commit();
            }
        });
    }

    @Test
    void rebuildsWhenTheFingerprintIsStale() {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            assertThat(index.search(EngineerSearch.of("robotics")).total()).isZero();
        }
        source.engineers.add(new IndexedEngineer("E8", "Rob Otter", null, List.of("Robotics"), List.of(), List.of(),
                null, null, List.of(), "AVAILABLE"));
        source.fingerprint = "changed-while-down";
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            assertThat(index.lastOpenRebuilt()).isTrue();
            assertThat(index.search(EngineerSearch.of("robotics")).hits()).extracting(SearchHit::engineerId)
                    .containsExactly("E8");
        }
    }

    @Test
    void rebuildsOnDemandFromTheSource() {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        try (LuceneEngineerIndex index = Fixtures.open(source, dir)) {
            source.engineers.removeIf(e -> e.id().equals("E3"));
            index.rebuild();
            assertThat(index.isReady()).isTrue();
            assertThat(index.search(EngineerSearch.of(null)).total()).isEqualTo(3);
            assertThat(answers(index).recommend()).startsWith("E1");
        }
    }

    @Test
    void searchesDuringARebuildSeeTheOldIndexUntilTheNewOneIsComplete() throws Exception {
        GatedSource source = new GatedSource();
        // refresh every 10 ms, so a refresh of the half-built index would show within the loop below
        SearchSettings fastRefresh = TestSettings.with(Map.of("switchboard.search.index.reopen-max-stale", "10ms",
                "switchboard.search.index.reopen-min-stale", "10ms"));
        ExecutorService rebuilder = Executors.newSingleThreadExecutor();
        try (LuceneEngineerIndex index = new LuceneEngineerIndex(fastRefresh, source, Fixtures.CLOCK, dir)) {
            index.open();
            source.world.engineers.add(new IndexedEngineer("E9", "Ida Berg", null, List.of("Robotics"), List.of(),
                    List.of(), null, null, List.of(), "AVAILABLE"));
            source.world.fingerprint = "v2";
            source.gated = true;
            Future<?> rebuild = rebuilder.submit(index::rebuild);
            try {
                assertThat(source.halfway.await(10, TimeUnit.SECONDS)).isTrue();
                // the writer now holds nothing of the old index and half of the new one, uncommitted
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    for (int i = 0; i < 20; i++) {
                        assertThat(index.search(EngineerSearch.of(null)).total()).isEqualTo(4);
                        assertThat(answers(index).recommend()).startsWith("E1");
                        Thread.sleep(10); // wall time on purpose: the refresh thread runs on it
                    }
                });
            } finally {
                source.release.countDown(); // before close(), which waits for the rebuild
            }
            rebuild.get(10, TimeUnit.SECONDS);
            assertThat(index.search(EngineerSearch.of(null)).total()).isEqualTo(5);
            assertThat(index.search(EngineerSearch.of("robotics")).hits()).extracting(SearchHit::engineerId)
                    .containsExactly("E9");
        } finally {
            rebuilder.shutdownNow();
        }
    }

    @Test
    void writesDuringARefillDoNotWaitForItAndAreSearchableAfterIt() throws Exception {
        GatedSource source = new GatedSource();
        try (LuceneEngineerIndex index = new LuceneEngineerIndex(TestSettings.defaults(), source, Fixtures.CLOCK, dir)) {
            index.open();
            Future<?> rebuild = rebuildAround(index, source, () -> {
                index.upsertEngineers(List.of(ida()));
                index.deleteEngineer("E4");
                var writer = index.bulkWriter();
                writer.addResolvedIncidents(List.of(Fixtures.incident("I99", "SYS-9", "Welding robot arm stuck",
                        "robot arm halts", "Recalibrated the arm", "E9", 1)));
                writer.awaitSearchable();
            });
            rebuild.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(index.search(EngineerSearch.of("robotics")).hits()).extracting(SearchHit::engineerId)
                        .containsExactly("E9");
                assertThat(index.search(EngineerSearch.of(null)).hits()).extracting(SearchHit::engineerId)
                        .doesNotContain("E4");
                assertThat(index.recommend(new RecommendRequest("SYS-9", null, "Welding robot arm stuck", null, 3,
                        false, Set.of())).hits()).extracting(Recommendation::engineerId).first().isEqualTo("E9");
            });
        }
    }

    @Test
    void aQueuedIncidentTheRefillAlsoReadCountsOnce() throws Exception {
        GatedSource source = new GatedSource();
        try (LuceneEngineerIndex index = new LuceneEngineerIndex(TestSettings.defaults(), source, Fixtures.CLOCK, dir)) {
            index.open();
            var resolved = Fixtures.incident("I50", "SYS-7", "Gateway lost connection again", "PLC offline",
                    "Restarted the Profinet stack", "E1", 1);
            Future<?> rebuild = rebuildAround(index, source, () -> {
                // committed now: the refill reads it from the database later, and its feed is queued meanwhile
                source.world.incidents.add(resolved);
                index.addResolvedIncidents(List.of(resolved));
            });
            rebuild.get(10, TimeUnit.SECONDS);
            long byE1 = source.world.incidents.stream().filter(i -> i.resolvedBy().equals("E1")).count();
            var e1 = index.recommend(new RecommendRequest("SYS-7", null, "Gateway lost connection", "PLC offline", 10,
                    false, Set.of())).hits().stream().filter(r -> r.engineerId().equals("E1")).findFirst().orElseThrow();
            assertThat(e1.reasons()).extracting(Reason::detail).contains("Resolved " + byE1 + " incidents in all");
        }
    }

    @Test
    void writesQueuedBehindAFailedRefillGoIntoTheReopenedIndex() throws Exception {
        GatedSource source = new GatedSource();
        try (LuceneEngineerIndex index = new LuceneEngineerIndex(TestSettings.defaults(), source, Fixtures.CLOCK, dir)) {
            index.open();
            source.failAfterRelease = true;
            Future<?> rebuild = rebuildAround(index, source, () -> index.upsertEngineers(List.of(ida())));
            assertThatThrownBy(() -> rebuild.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("source went away");
            assertThat(index.isReady()).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    index.search(EngineerSearch.of("robotics")).hits()).extracting(SearchHit::engineerId)
                    .containsExactly("E9"));
            assertThat(index.search(EngineerSearch.of(null)).total()).isEqualTo(5);
        }
    }

    /**
     * Rebuilds the index and runs {@code meanwhile} while the refill stands still half-way, as one waiting for a
     * database connection does. What it writes must not wait for the refill: in the server the writer may hold the
     * connection the refill waits for. Returns the rebuild, let go.
     */
    private Future<?> rebuildAround(LuceneEngineerIndex index, GatedSource source, Executable meanwhile)
            throws InterruptedException {
        source.gated = true;
        Future<?> rebuild = rebuilder.submit(index::rebuild);
        try {
            assertThat(source.halfway.await(10, TimeUnit.SECONDS)).isTrue();
            assertTimeoutPreemptively(Duration.ofSeconds(5), meanwhile);
            assertThat(rebuild).isNotDone();
        } finally {
            source.release.countDown();
        }
        return rebuild;
    }

    private static IndexedEngineer ida() {
        return new IndexedEngineer("E9", "Ida Berg", null, List.of("Robotics"), List.of(), List.of(), null, null,
                List.of(), "AVAILABLE");
    }

    @Test
    void aFailedRebuildKeepsServingTheOldIndex() {
        GatedSource source = new GatedSource();
        try (LuceneEngineerIndex index = new LuceneEngineerIndex(TestSettings.defaults(), source, Fixtures.CLOCK, dir)) {
            index.open();
            Answers before = answers(index);
            source.gated = true;
            source.fail = true;
            assertThatThrownBy(index::rebuild).hasMessageContaining("source went away");
            assertThat(index.isReady()).isTrue();
            assertThat(index.search(EngineerSearch.of(null)).total()).isEqualTo(4);
            assertThat(answers(index)).isEqualTo(before);
        }
    }

    /** The fixture world; when gated, its engineer stream stops half-way until released (or fails there). */
    private static final class GatedSource implements SearchSource {
        final Fixtures.FakeSource world = new Fixtures.FakeSource();
        final CountDownLatch halfway = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean gated;
        volatile boolean fail;
        volatile boolean failAfterRelease;

        @Override
        public Stream<IndexedEngineer> engineers() {
            List<IndexedEngineer> all = world.engineers().toList();
            if (!gated) {
                return all.stream();
            }
            int half = all.size() / 2;
            return IntStream.range(0, all.size()).mapToObj(i -> {
                if (i == half) {
                    pause();
                }
                return all.get(i);
            });
        }

        private void pause() {
            halfway.countDown();
            if (fail) {
                throw new IllegalStateException("source went away");
            }
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failAfterRelease) {
                throw new IllegalStateException("source went away");
            }
        }

        @Override
        public Stream<IndexedIncident> resolvedIncidents() {
            return world.resolvedIncidents();
        }

        @Override
        public String fingerprint() {
            return world.fingerprint();
        }
    }

    @Test
    void isNotReadyAfterClose() {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        LuceneEngineerIndex index = Fixtures.open(source, dir);
        index.close();
        assertThat(index.isReady()).isFalse();
        index.close(); // idempotent
    }
}
