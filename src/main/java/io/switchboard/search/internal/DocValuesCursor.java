package io.switchboard.search.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Doc values of hits visited in ascending document order. Asking a segment for a field's values builds a fresh
 * iterator each time, which costs more than reading the value; this keeps one iterator per field until the hits
 * move on to the next segment.
 */
final class DocValuesCursor {

    private final List<LeafReaderContext> leaves;
    private final Map<String, SortedDocValues> sorted = new HashMap<>();
    private final Map<String, NumericDocValues> numeric = new HashMap<>();
    private final Map<String, BinaryDocValues> binary = new HashMap<>();
    private int leaf = -1;
    private int local;

    DocValuesCursor(IndexSearcher searcher) {
        this.leaves = searcher.getIndexReader().leaves();
    }

    /** A copy of the hits in document order, the order this cursor reads in. */
    static ScoreDoc[] inDocOrder(ScoreDoc[] hits) {
        ScoreDoc[] copy = hits.clone();
        Arrays.sort(copy, Comparator.comparingInt((ScoreDoc sd) -> sd.doc));
        return copy;
    }

    /** Moves to a document at or after the previous one. */
    DocValuesCursor at(int doc) {
        int i = ReaderUtil.subIndex(doc, leaves);
        if (i != leaf) {
            leaf = i;
            sorted.clear();
            numeric.clear();
            binary.clear();
        }
        local = doc - leaves.get(i).docBase;
        return this;
    }

    /** The document's value of a single-valued string field, or null; read each field at most once per document. */
    String string(String field) throws IOException {
        if (!sorted.containsKey(field)) {
            sorted.put(field, leaves.get(leaf).reader().getSortedDocValues(field));
        }
        SortedDocValues values = sorted.get(field);
        return values != null && values.advanceExact(local) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    /** The document's value of a numeric field, or {@code missing}; read each field at most once per document. */
    long number(String field, long missing) throws IOException {
        if (!numeric.containsKey(field)) {
            numeric.put(field, leaves.get(leaf).reader().getNumericDocValues(field));
        }
        NumericDocValues values = numeric.get(field);
        return values != null && values.advanceExact(local) ? values.longValue() : missing;
    }

    /** The document's bytes of a binary field, or null; valid until the cursor moves; read each at most once. */
    BytesRef bytes(String field) throws IOException {
        if (!binary.containsKey(field)) {
            binary.put(field, leaves.get(leaf).reader().getBinaryDocValues(field));
        }
        BinaryDocValues values = binary.get(field);
        return values != null && values.advanceExact(local) ? values.binaryValue() : null;
    }
}
