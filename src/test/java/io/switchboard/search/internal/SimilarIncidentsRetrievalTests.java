package io.switchboard.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The similar-incidents retrieval searches for the rarer words only and lets the common ones rescore what they found:
 * the incidents it returns, and their scores, are those of one search for all words.
 */
class SimilarIncidentsRetrievalTests {
    private static final float LIFT = 3f;

    private ByteBuffersDirectory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    /** 1,000 incidents: all say "log", every second "error", rare1..rare50 each in 20, on systems s0..s9. */
    @BeforeEach
    void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < 1_000; i++) {
                var doc = new Document();
                String words = "log " + (i % 2 == 0 ? "error " : "") + "rare" + (i % 50) + (i % 7 == 0 ? " log" : "");
                doc.add(new TextField(Fields.INC_TEXT, words, Field.Store.NO));
                doc.add(new StringField(Fields.INC_SYSTEM, "s" + (i % 10), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void theCommonWordsRescoreWhatTheRarerWordsFoundToTheScoresOfOneSearchForAllWords() throws IOException {
        var text = new Recommender.IncidentText(words("rare3", "rare8"), words("log", "error"));

        TopDocs split = Recommender.similarIncidentsTopDocs(searcher, text, null, LIFT, 10, 60);

        assertSame(split, searcher.search(allWords(List.of("rare3", "rare8", "log", "error"), null), 10));
        // on their rare words alone the shorter rare3 incidents come first; "error" puts the rare8 ones ahead
        assertThat(Arrays.stream(split.scoreDocs).map(sd -> sd.doc % 50).distinct().toList()).containsExactly(8);
    }

    @Test
    void whenTheRarerWordsFindFewerIncidentsThanWantedOneSearchForAllWordsRuns() throws IOException {
        var text = new Recommender.IncidentText(words("rare3"), words("log", "error"));

        TopDocs split = Recommender.similarIncidentsTopDocs(searcher, text, null, LIFT, 100, 300);

        assertThat(split.scoreDocs).as("rare3 is in only 20 incidents; the rest share common words").hasSize(100);
        assertSame(split, searcher.search(allWords(List.of("rare3", "log", "error"), null), 100));
    }

    @Test
    void onlyCommonWordsAreOneSearch() throws IOException {
        var text = new Recommender.IncidentText(words(), words("error"));

        TopDocs top = Recommender.similarIncidentsTopDocs(searcher, text, "s1", LIFT, 10, 30);

        assertSame(top, searcher.search(allWords(List.of("error"), "s1"), 10));
    }

    private static BooleanQuery words(String... words) {
        var b = new BooleanQuery.Builder();
        Arrays.stream(words).forEach(w -> b.add(new TermQuery(new Term(Fields.INC_TEXT, w)), Occur.SHOULD));
        return b.build();
    }

    /** One search for all words, with the same constant lift for the incident's system. */
    private static BooleanQuery allWords(List<String> words, String system) {
        var b = new BooleanQuery.Builder();
        words.forEach(w -> b.add(new TermQuery(new Term(Fields.INC_TEXT, w)), Occur.SHOULD));
        if (system != null) {
            b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.INC_SYSTEM, system))), LIFT),
                    Occur.SHOULD);
        }
        return b.build();
    }

    /** The same scores rank by rank, and the same incidents but for ties at the cut (the sums' rounding differs). */
    private static void assertSame(TopDocs actual, TopDocs expected) {
        assertThat(actual.scoreDocs).hasSameSizeAs(expected.scoreDocs);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            ScoreDoc a = actual.scoreDocs[i], e = expected.scoreDocs[i];
            assertThat(a.score).as("score at %d", i).isCloseTo(e.score, within(1e-4f));
        }
        float cut = expected.scoreDocs[expected.scoreDocs.length - 1].score + 1e-4f;
        assertThat(Arrays.stream(actual.scoreDocs).map(sd -> sd.doc).toList()).as("the incidents above the cut")
                .containsAll(Arrays.stream(expected.scoreDocs).filter(sd -> sd.score > cut).map(sd -> sd.doc).toList());
    }
}
