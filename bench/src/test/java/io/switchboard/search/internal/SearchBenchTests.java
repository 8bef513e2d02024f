package io.switchboard.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.bench.World;
import io.switchboard.search.EngineerSearchResult;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendations;

/**
 * The JMH benchmark's setup and methods on a small generated world. What the README's ratios rest on: the raw dispatcher
 * query and the raw similar-incidents query are the queries the service runs, hit for hit, so "service time / raw
 * time" is the service's own overhead.
 */
class SearchBenchTests {
    static final int QUERIES = 256;

    @TempDir
    static Path indexes;

    static SearchBench bench;

    @BeforeAll
    static void buildTheIndex() throws IOException {
        bench = new SearchBench();
        bench.engineers = 400;
        bench.incidents = 4_000;
        bench.customers = 6;
        bench.seed = 42;
        System.setProperty("bench.indexDir", indexes.toString());
        try {
            bench.setUp();
        } finally {
            System.clearProperty("bench.indexDir");
        }
    }

    @AfterAll
    static void close() throws IOException {
        bench.tearDown();
    }

    @Test
    void theRawDispatcherQueryFindsWhatTheServiceFindsInTheSameOrder() throws IOException {
        // every benchmark method takes the next of the same 256 queries, so each test calls them in full rounds, and a
        // round of one lines up with a round of the other
        List<EngineerSearchResult> service = new ArrayList<>();
        List<TopDocs> raw = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            service.add(bench.search());
        }
        for (int i = 0; i < QUERIES; i++) {
            raw.add(bench.searchRaw());
        }

        int compared = 0;
        Path dir = indexes.resolve(new World.Params(42, 6, 400, 4_000).fingerprint());
        try (var reader = DirectoryReader.open(FSDirectory.open(dir))) {
            var searcher = new IndexSearcher(reader);
            for (int i = 1; i < QUERIES; i += 2) { // the odd ones have no "near": ranked by score alone, like the raw
                var hits = service.get(i).hits();
                ScoreDoc[] docs = raw.get(i).scoreDocs;
                assertThat(docs).as("query %d", i).hasSizeGreaterThanOrEqualTo(hits.size());
                for (int k = 0; k < hits.size(); k++) {
                    assertThat(hits.get(k).engineerId()).as("query %d, hit %d", i, k)
                            .isEqualTo(DispatcherSearch.engineerId(searcher, docs[k].doc));
                    assertThat(hits.get(k).score()).as("query %d, hit %d", i, k).isEqualTo(docs[k].score);
                }
                compared += hits.isEmpty() ? 0 : 1;
            }
        }
        assertThat(compared).as("queries with hits").isGreaterThan(QUERIES / 4);
    }

    @Test
    void theRawRecommendQueryIsTheServicesSimilarIncidentsSearchWithoutItsTermLookUps() throws IOException {
        List<TopDocs> raw = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            raw.add(bench.recommendRaw());
        }

        var settings = SearchBench.settings();
        var rc = settings.recommend();
        var recommender = new Recommender(rc, new Analyzers(settings.synonymsFile()), null,
                Clock.fixed(World.NOW, ZoneOffset.UTC));
        var world = new World(new World.Params(42, 6, 400, 4_000));
        int compared = 0;
        try (var reader = DirectoryReader.open(FSDirectory.open(indexes.resolve(world.params.fingerprint())))) {
            var searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            for (int i = 0; i < QUERIES; i++) {
                World.Incident q = world.query(i);
                var prepared = recommender.prepare(new RecommendRequest(q.system().id(), null, q.title(), q.description(),
                        10, false, null));
                var service = recommender.similarIncidentsText(searcher, prepared);
                var plain = SearchBench.plain(service);
                assertThat(plain.searched().clauses()).as("query %d", i)
                        .allSatisfy(c -> assertThat(c.query() instanceof TermQuery t ? t.getTermStates() : null).isNull())
                        .hasSameSizeAs(service.searched().clauses());
                assertThat(plain.toString()).isEqualTo(service.toString());

                TopDocs expected = Recommender.similarIncidentsTopDocs(searcher, service, prepared.systemKey(),
                        rc.systemRetrievalBoost(), Math.max(1, rc.similarIncidents()), rc.rescoreDepth());
                ScoreDoc[] got = raw.get(i).scoreDocs;
                assertThat(got).as("query %d", i).hasSameSizeAs(expected.scoreDocs);
                for (int k = 0; k < got.length; k++) {
                    assertThat(got[k].doc).as("query %d, hit %d", i, k).isEqualTo(expected.scoreDocs[k].doc);
                    assertThat(got[k].score).as("query %d, hit %d", i, k).isEqualTo(expected.scoreDocs[k].score);
                }
                compared += got.length > 0 ? 1 : 0;
            }
        }
        assertThat(compared).as("queries with similar incidents").isGreaterThan(QUERIES * 9 / 10);
    }

    @Test
    void theRawRecommendQueryFindsSimilarIncidentsTheServiceRanksEngineersAndTypeaheadSuggests() throws IOException {
        int withSimilar = 0, withEngineers = 0, withSuggestions = 0;
        for (int i = 0; i < QUERIES; i++) {
            TopDocs similar = bench.recommendRaw();
            withSimilar += similar.scoreDocs.length > 0 ? 1 : 0;
        }
        for (int i = 0; i < QUERIES; i++) {
            Recommendations ranked = bench.recommend();
            withEngineers += ranked.hits().isEmpty() ? 0 : 1;
        }
        for (int i = 0; i < QUERIES; i++) {
            withSuggestions += bench.suggest().isEmpty() ? 0 : 1;
        }

        assertThat(withSimilar).isGreaterThan(QUERIES * 9 / 10);
        assertThat(withEngineers).isGreaterThan(QUERIES * 9 / 10);
        assertThat(withSuggestions).isGreaterThan(QUERIES / 2);
    }
}
