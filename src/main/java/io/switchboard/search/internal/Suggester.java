package io.switchboard.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import io.switchboard.search.Suggestion;

/**
 * Typeahead over engineer names, skills and systems: a prefix walk of small keyword fields in the live (NRT)
 * index, so every upsert is reflected at once; terms only held by deleted documents are skipped.
 */
final class Suggester {

    private static final int SCAN_CAP = 200;

    private Suggester() {}

    static List<Suggestion> suggest(IndexSearcher searcher, String prefix, int limit) throws IOException {
        Map<String, List<Suggestion>> perKind = new LinkedHashMap<>();
        perKind.put("ENGINEER", collect(searcher, Fields.SUGGEST_ENGINEER, "ENGINEER", prefix, limit));
        perKind.put("SKILL", collect(searcher, Fields.SUGGEST_SKILL, "SKILL", prefix, limit));
        perKind.put("SYSTEM", collect(searcher, Fields.SUGGEST_SYSTEM, "SYSTEM", prefix, limit));
        // round robin so that every kind gets a chance
        List<Suggestion> out = new ArrayList<>(limit);
        for (int i = 0; out.size() < limit; i++) {
            boolean any = false;
            for (List<Suggestion> l : perKind.values()) {
                if (i < l.size() && out.size() < limit) {
                    out.add(l.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    private static List<Suggestion> collect(IndexSearcher searcher, String field, String kind, String prefix, int limit)
            throws IOException {
        BytesRef p = new BytesRef(prefix);
        // key: display + id, ordered by the matched key so that shorter/alphabetical come first
        TreeMap<String, Suggestion> found = new TreeMap<>();
        Set<String> seen = new HashSet<>(); // one suggestion per id (per skill name): the first walk finds wins
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Terms terms = ctx.reader().terms(field);
            if (terms == null) {
                continue;
            }
            Bits live = ctx.reader().getLiveDocs();
            TermsEnum te = terms.iterator();
            if (te.seekCeil(p) == TermsEnum.SeekStatus.END) {
                continue;
            }
            PostingsEnum postings = null;
            int scanned = 0;
            for (BytesRef t = te.term(); t != null && startsWith(t, p) && scanned < SCAN_CAP; t = te.next(), scanned++) {
                if (live != null) {
                    postings = te.postings(postings, PostingsEnum.NONE);
                    boolean alive = false;
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live.get(d)) {
                            alive = true;
                            break;
                        }
                    }
                    if (!alive) {
                        continue;
                    }
                }
                String[] parts = t.utf8ToString().split(String.valueOf(Fields.SEP), -1);
                if (parts.length < 3) {
                    continue;
                }
                String display = parts[1];
                String id = parts[2].isEmpty() ? null : parts[2];
                boolean skill = "SKILL".equals(kind);
                String dedupe = skill ? display.toLowerCase(Locale.ROOT) : display + Fields.SEP + id;
                if (seen.add(skill ? dedupe : String.valueOf(id))) {
                    String length = Integer.toString(display.length());
                    String order = "00000".substring(length.length()) + length + display.length() + Fields.SEP
                            + parts[0] + Fields.SEP + dedupe;
                    found.put(order, new Suggestion(display, kind, id));
                }
            }
        }
        return found.values().stream().limit(limit).toList();
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
        if (term.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (term.bytes[term.offset + i] != prefix.bytes[prefix.offset + i]) {
                return false;
            }
        }
        return true;
    }
}
