package io.switchboard.search.internal;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Matches the terms within a few edits (insert, delete, substitute, swap two neighbours) of a word, scored and
 * capped like {@link FuzzyQuery}: the closest {@code maxExpansions} terms, each weighted {@code 1 - edits / length}.
 *
 * <p>Unlike {@link FuzzyQuery} it builds no Levenshtein automaton: it walks the dictionary terms that share the
 * prefix and computes the edit distance of each. Building the automata for a two-edit word cost 2-15 ms per field and
 * request (most of a dispatcher search's time); the engineer fields' dictionaries are small (names, skills, systems),
 * so checking every prefixed term costs microseconds instead.
 */
final class TypoQuery extends MultiTermQuery {

    private final Term term;
    private final int[] word;
    private final int maxEdits;
    private final int prefixLength;
    private final int maxExpansions;
    private final BytesRef prefix;

    TypoQuery(Term term, int maxEdits, int prefixLength, int maxExpansions) {
        super(term.field(), new TopTermsBlendedFreqScoringRewrite(maxExpansions));
        if (maxEdits < 0 || maxEdits > FuzzyQuery.defaultMaxEdits) {
            throw new IllegalArgumentException("maxEdits must be between 0 and " + FuzzyQuery.defaultMaxEdits);
        }
        this.term = term;
        this.word = term.text().codePoints().toArray();
        this.maxEdits = maxEdits;
        this.prefixLength = Math.min(Math.max(0, prefixLength), word.length);
        this.maxExpansions = maxExpansions;
        this.prefix = new BytesRef(new String(word, 0, this.prefixLength));
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        return new Near(terms.iterator());
    }

    /** The dictionary terms from the prefix on, accepted when within {@code maxEdits}; ends after the prefix. */
    private final class Near extends FilteredTermsEnum {
        private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);
        private int[] candidate = new int[16];
        private final EditDistance distance = new EditDistance(word, maxEdits);

        Near(TermsEnum all) {
            super(all, true);
            setInitialSeekTerm(prefix);
        }

        @Override
        protected AcceptStatus accept(BytesRef t) {
            if (!StringHelper.startsWith(t, prefix)) {
                return AcceptStatus.END;
            }
            if (candidate.length < t.length) {
                candidate = new int[t.length];
            }
            int length = UnicodeUtil.UTF8toUTF32(t, candidate);
            int edits = distance.within(candidate, length);
            if (edits < 0) {
                return AcceptStatus.NO;
            }
            boost.setBoost(edits == 0 ? 1f : 1f - (float) edits / Math.min(length, word.length));
            return AcceptStatus.YES;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return (this.field.equals(field) ? "" : this.field + ":") + term.text() + "~" + maxEdits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypoQuery q && q.term.equals(term) && q.maxEdits == maxEdits
                && q.prefixLength == prefixLength && q.maxExpansions == maxExpansions;
    }

    @Override
    public int hashCode() {
        return Objects.hash(term, maxEdits, prefixLength, maxExpansions);
    }

    /**
     * Optimal-string-alignment distance (Levenshtein plus swapping two neighbours, as Lucene's fuzzy automata count
     * it), cut off as soon as it must exceed the limit. Not thread-safe: one per terms enum.
     */
    static final class EditDistance {
        private final int[] word;
        private final int limit;
        private int[] before;
        private int[] previous;
        private int[] current;

        EditDistance(int[] word, int limit) {
            this.word = word;
            this.limit = limit;
            this.before = new int[word.length + 1];
            this.previous = new int[word.length + 1];
            this.current = new int[word.length + 1];
        }

        /** The distance between the word and {@code other[0..length)}, or -1 when more than the limit. */
        int within(int[] other, int length) {
            if (Math.abs(length - word.length) > limit) {
                return -1;
            }
            int n = word.length;
            for (int j = 0; j <= n; j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= length; i++) {
                current[0] = i;
                int rowMin = i;
                int c = other[i - 1];
                for (int j = 1; j <= n; j++) {
                    int cost = word[j - 1] == c ? 0 : 1;
                    int d = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && c == word[j - 2] && other[i - 2] == word[j - 1]) {
                        d = Math.min(d, before[j - 2] + 1);
                    }
                    current[j] = d;
                    rowMin = Math.min(rowMin, d);
                }
                if (rowMin > limit) {
                    return -1;
                }
                int[] t = before;
                before = previous;
                previous = current;
                current = t;
            }
            int d = previous[n];
            return d <= limit ? d : -1;
        }
    }
}
