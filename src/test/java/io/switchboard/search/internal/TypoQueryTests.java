package io.switchboard.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TypoQueryTests {

    private static final List<String> WORDS = List.of("schmidt", "schmitt", "schmid", "smith", "schmidts", "scmidt",
            "sch", "kubernetes", "kubernets", "kuberentes", "kubernetesx", "profinet", "profibus", "profinte",
            "prfinet", "rotterdam", "rotterdamm", "café", "cafe", "caffè", "scada", "scala", "sacda", "hmi", "plc");

    @Test
    void matchesAndScoresLikeLucenesFuzzyQuery() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
                for (int i = 0; i < WORDS.size(); i++) {
                    Document d = new Document();
                    d.add(new StringField("f", WORDS.get(i), Field.Store.NO));
                    w.addDocument(d);
                    if (i % 7 == 6) {
                        w.commit(); // several segments
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String word : List.of("schmidt", "schmdt", "kubernets", "profinte", "rotterdam", "cafe", "scada",
                        "sch", "hmi", "xyz")) {
                    for (int edits = 0; edits <= 2; edits++) {
                        for (int prefix = 0; prefix <= 2; prefix++) {
                            for (int expansions : new int[] {50, 2}) {
                                Term t = new Term("f", word);
                                assertThat(hits(searcher, new TypoQuery(t, edits, prefix, expansions)))
                                        .as("%s~%d prefix %d, %d expansions", word, edits, prefix, expansions)
                                        .isEqualTo(hits(searcher, new FuzzyQuery(t, edits, prefix, expansions, true)));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void findsWordsWithOneTypoAndNotWithTooMany() throws IOException {
        TypoQuery.EditDistance distance = new TypoQuery.EditDistance("profinet".codePoints().toArray(), 1);
        assertThat(within(distance, "profinet")).isZero();
        assertThat(within(distance, "profinte")).isEqualTo(1); // neighbours swapped
        assertThat(within(distance, "profint")).isEqualTo(1);
        assertThat(within(distance, "profibus")).isEqualTo(-1);
    }

    private static int within(TypoQuery.EditDistance distance, String other) {
        int[] cps = other.codePoints().toArray();
        return distance.within(cps, cps.length);
    }

    private static Map<Integer, Float> hits(IndexSearcher searcher, Query q) throws IOException {
        Map<Integer, Float> out = new HashMap<>();
        for (ScoreDoc sd : searcher.search(q, 100).scoreDocs) {
            out.put(sd.doc, sd.score);
        }
        return out;
    }
}
