package io.switchboard.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import io.switchboard.search.EngineerSearch;
import io.switchboard.search.EngineerSearchResult;
import io.switchboard.search.InvalidSearchException;
import io.switchboard.search.SearchHit;
import io.switchboard.search.SearchSettings;

/** The dispatcher's engineer search: validation, parsing, filters, geo sort, facets, highlights, paging. */
final class DispatcherSearch {

    private static final int MAX_NESTING = 10;

    /** A validated search: the parsed words, the request's filters, the page. */
    record Prepared(Query userQuery, List<Query> filters, EngineerSearch request, int limit, int offset) {

        /** The complete query: the user's words (as given or already rewritten) within the filters. */
        Query query(Query user) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(user, Occur.MUST);
            filters.forEach(f -> b.add(f, Occur.FILTER));
            return b.build();
        }

        Query query() {
            return query(userQuery);
        }
    }

    private final SearchSettings.Query cfg;
    private final Analyzers analyzers;
    private final Clock clock;

    DispatcherSearch(SearchSettings.Query cfg, Analyzers analyzers, Clock clock) {
        this.cfg = cfg;
        this.analyzers = analyzers;
        this.clock = clock;
    }

    /** Validates and parses; every problem becomes an {@link InvalidSearchException} naming it. */
    Prepared prepare(EngineerSearch s) {
        if (s == null) {
            throw new InvalidSearchException("A search is required");
        }
        int limit = s.limit() <= 0 ? cfg.defaultLimit() : s.limit();
        if (limit > cfg.maxLimit()) {
            throw new InvalidSearchException("limit must be at most " + cfg.maxLimit());
        }
        if (s.offset() < 0 || s.offset() > cfg.maxOffset()) {
            throw new InvalidSearchException("offset must be between 0 and " + cfg.maxOffset());
        }
        long nowMillis = clock.millis();
        String validDay = s.validCertificationOnly() ? Fields.day(nowMillis) : null;
        Query user = parse(s.q(), validDay);

        List<Query> filters = new ArrayList<>();
        filters.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ENGINEER)));
        if (!Fields.blank(s.systemId())) {
            filters.add(new TermQuery(new Term(Fields.SYSTEM_ID, Fields.norm(s.systemId()))));
        }
        if (!Fields.blank(s.skill())) {
            if (s.skill().length() > 200) {
                throw new InvalidSearchException("skill is too long");
            }
            BooleanQuery.Builder skill = new BooleanQuery.Builder();
            skill.add(new TermQuery(new Term(Fields.SKILL_KW, Fields.norm(s.skill()))), Occur.SHOULD);
            List<String> words = Fields.terms(analyzers.index(), Fields.SKILLS, s.skill());
            if (!words.isEmpty() && words.size() <= 16) {
                skill.add(new PhraseQuery(Fields.SKILLS, words.toArray(String[]::new)), Occur.SHOULD);
            }
            filters.add(skill.build());
        }
        if (!Fields.blank(s.status())) {
            filters.add(new TermQuery(new Term(Fields.STATUS, Fields.norm(s.status()))));
        }
        if (s.validCertificationOnly()) {
            filters.add(LongPoint.newRangeQuery(Fields.CERT_EXPIRES_POINT, nowMillis + 1, Long.MAX_VALUE));
        }
        if (s.near() != null && !Fields.validGeo(s.near().lat(), s.near().lon())) {
            throw new InvalidSearchException("near must be a valid point: latitude -90..90, longitude -180..180 (got "
                    + s.near().lat() + "," + s.near().lon() + ")");
        }
        if (s.withinKm() != null) {
            if (s.near() == null) {
                throw new InvalidSearchException("withinKm needs near");
            }
            if (!Double.isFinite(s.withinKm()) || s.withinKm() <= 0 || s.withinKm() > 20_100) {
                throw new InvalidSearchException("withinKm must be between 0 and 20100");
            }
            filters.add(LatLonPoint.newDistanceQuery(Fields.BASE, s.near().lat(), s.near().lon(),
                    s.withinKm() * 1000));
        }
        return new Prepared(user, List.copyOf(filters), s, limit, s.offset());
    }

    private Query parse(String q, String validDay) {
        if (Fields.blank(q)) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > cfg.maxLength()) {
            throw new InvalidSearchException("Query is too long: " + q.length() + " characters, at most "
                    + cfg.maxLength());
        }
        int quotes = 0;
        int depth = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quotes++;
            } else if (quotes % 2 == 0 && c == '(') {
                if (++depth > MAX_NESTING) {
                    throw new InvalidSearchException("Query nests parentheses too deeply (at most " + MAX_NESTING + ")");
                }
            } else if (quotes % 2 == 0 && c == ')') {
                depth--;
                if (depth < 0) {
                    throw new InvalidSearchException("Query has a ')' without a matching '('");
                }
            }
        }
        if (quotes % 2 != 0) {
            throw new InvalidSearchException("Query has unbalanced quotes");
        }
        if (depth != 0) {
            throw new InvalidSearchException("Query has a '(' without a matching ')'");
        }
        DispatcherQueryParser parser = new DispatcherQueryParser(analyzers.query(), cfg, validDay);
        try {
            Query parsed = parser.parse(q);
            return parsed == null ? new MatchAllDocsQuery() : parsed;
        } catch (ParseException e) {
            throw new InvalidSearchException("Cannot parse query: " + cleanMessage(e.getMessage()), e);
        } catch (TokenMgrError | IllegalArgumentException e) {
            throw new InvalidSearchException("Cannot parse query: " + cleanMessage(e.getMessage()), e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidSearchException("Query has too many terms", e);
        }
    }

    private static String cleanMessage(String m) {
        if (m == null) {
            return "syntax error";
        }
        String first = m.strip().lines().findFirst().orElse(m);
        int cannot = first.indexOf("': ");
        if (first.startsWith("Cannot parse '") && cannot > 0) {
            first = first.substring(cannot + 3);
        }
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    EngineerSearchResult execute(IndexSearcher searcher, Prepared p) throws IOException {
        int topN = p.offset() + p.limit();
        EngineerSearch s = p.request();
        CollectorManager<?, ? extends TopDocs> top;
        Sort sort = null;
        if (s.near() != null) {
            sort = new Sort(LatLonDocValuesField.newDistanceSort(Fields.BASE, s.near().lat(), s.near().lon()),
                    SortField.FIELD_SCORE);
            top = new TopFieldCollectorManager(sort, topN, null, Integer.MAX_VALUE);
        } else {
            top = new TopScoreDocCollectorManager(topN, null, Integer.MAX_VALUE);
        }
        FacetCounter facets = new FacetCounter();
        Object[] results;
        Query user;
        try {
            // once for the search and the highlighter: typo and prefix words expand to their terms here
            user = searcher.rewrite(p.userQuery());
            results = searcher.search(p.query(user), new MultiCollectorManager(top, facets));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidSearchException("Query expands to too many terms; be more specific", e);
        }
        TopDocs docs = (TopDocs) results[0];
        FacetCounter.Counts counts = (FacetCounter.Counts) results[1];
        ScoreDoc[] page = docs.scoreDocs.length <= p.offset() ? new ScoreDoc[0]
                : java.util.Arrays.copyOfRange(docs.scoreDocs, p.offset(), docs.scoreDocs.length);

        Map<Integer, Map<String, List<String>>> highlights = highlight(searcher, user, page);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (ScoreDoc sd : page) {
            Double km = null;
            if (sd instanceof FieldDoc fd && fd.fields != null && fd.fields.length > 0
                    && fd.fields[0] instanceof Double meters && Double.isFinite(meters)) {
                km = Math.round(meters / 100.0) / 10.0;
            }
            Map<String, List<String>> hl = highlights.getOrDefault(sd.doc, Map.of());
            List<String> reasons = new ArrayList<>();
            hl.keySet().forEach(f -> reasons.add("Matches " + label(f)));
            if (km != null) {
                reasons.add(km + " km away");
            }
            if (s.validCertificationOnly()) {
                reasons.add("Holds a valid certification");
            }
            float score = Float.isNaN(sd.score) ? 0f : sd.score;
            hits.add(new SearchHit(engineerId(searcher, sd.doc), score, hl, reasons, km));
        }
        Map<String, Map<String, Long>> facetMap = new LinkedHashMap<>();
        facetMap.put("skills", top(counts.skills(), cfg.facetValues()));
        facetMap.put("status", top(counts.status(), cfg.facetValues()));
        facetMap.put("systems", top(counts.systems(), cfg.facetValues()));
        long total = docs.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? docs.totalHits.value() : counts.hits();
        return new EngineerSearchResult(total, hits, facetMap);
    }

    /** From doc values: cheaper than decompressing a stored-fields block per hit. */
    static String engineerId(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = leaf.reader().getSortedDocValues(Fields.ENG_ID_DV);
        if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Engineer document " + doc + " has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    private static String label(String field) {
        return switch (field) {
            case Fields.NAME -> "name";
            case Fields.SKILLS -> "skills";
            case Fields.CERTS -> "certifications";
            case Fields.SYSTEM_NAME -> "known systems";
            case Fields.PRODUCT -> "products";
            default -> field;
        };
    }

    private static final Comparator<Map.Entry<String, Long>> MOST_FIRST = Map.Entry.<String, Long>comparingByValue()
            .reversed().thenComparing(Map.Entry.comparingByKey());

    /** The n most frequent values, most first; a bounded heap, not a sort of every value (systems: thousands). */
    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        PriorityQueue<Map.Entry<String, Long>> heap = new PriorityQueue<>(n + 1, MOST_FIRST.reversed());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (heap.size() < n) {
                heap.add(e);
            } else if (n > 0 && MOST_FIRST.compare(e, heap.peek()) < 0) {
                heap.poll();
                heap.add(e);
            }
        }
        List<Map.Entry<String, Long>> best = new ArrayList<>(heap);
        best.sort(MOST_FIRST);
        Map<String, Long> out = new LinkedHashMap<>();
        best.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private Map<Integer, Map<String, List<String>>> highlight(IndexSearcher searcher, Query user, ScoreDoc[] page)
            throws IOException {
        Map<Integer, Map<String, List<String>>> out = new HashMap<>();
        if (page.length == 0 || user instanceof MatchAllDocsQuery) {
            return out;
        }
        UnifiedHighlighter uh = UnifiedHighlighter.builder(searcher, analyzers.index())
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "... ", true))
                .withScorer(PASSAGES)
                .withMaxLength(2_000)
                .withHighlightPhrasesStrictly(true)
                .withHandleMultiTermQuery(true)
                // per field, only that field's terms; weight matching re-runs the whole (typo-expanded) query per hit
                .withWeightMatches(false)
                .build();
        int[] docIds = new int[page.length];
        int[] maxPassages = new int[Fields.HIGHLIGHT_FIELDS.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
        }
        java.util.Arrays.fill(maxPassages, Math.max(1, cfg.highlightFragments()));
        Map<String, String[]> byField = uh.highlightFields(Fields.HIGHLIGHT_FIELDS, user, docIds, maxPassages);
        for (Map.Entry<String, String[]> e : byField.entrySet()) {
            String[] values = e.getValue();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null && values[i].contains("<em>")) {
                    out.computeIfAbsent(docIds[i], d -> new LinkedHashMap<>())
                            .put(label(e.getKey()), List.of(values[i].split("\\.\\.\\. ")));
                }
            }
        }
        return out;
    }

    /**
     * Lucene's passage BM25, counting the few distinct words of a passage in a small array instead of a
     * {@code BytesRefHash}, which allocates a 32 KB block for every passage of every hit.
     */
    private static final PassageScorer PASSAGES = new PassageScorer() {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] inDoc = passage.getMatchTermFreqsInDoc();
            double score = 0;
            for (int i = 0; i < matches; i++) {
                int first = 0;
                while (!terms[first].bytesEquals(terms[i])) {
                    first++;
                }
                if (first < i) {
                    continue; // counted with its first occurrence
                }
                int inPassage = 1;
                for (int j = i + 1; j < matches; j++) {
                    if (terms[j].bytesEquals(terms[i])) {
                        inPassage++;
                    }
                }
                score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
            }
            return (float) (score * norm(passage.getStartOffset()));
        }
    };

    /** Counts skills, status and systems over every matching engineer, with per-segment ordinals. */
    static final class FacetCounter implements CollectorManager<FacetCounter.SegmentCounter, FacetCounter.Counts> {

        record Counts(long hits, Map<String, Long> skills, Map<String, Long> status, Map<String, Long> systems) {}

        static final class SegmentCounter implements Collector {
            final Map<String, Long> skills = new HashMap<>();
            final Map<String, Long> status = new HashMap<>();
            final Map<String, Long> systems = new HashMap<>();
            long hits;

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                LeafReader r = context.reader();
                SortedSetDocValues skillDv = r.getSortedSetDocValues(Fields.SKILL_FACET);
                SortedSetDocValues systemDv = r.getSortedSetDocValues(Fields.SYSTEM_FACET);
                SortedDocValues statusDv = r.getSortedDocValues(Fields.STATUS_DV);
                int[] skillCounts = skillDv == null ? null : new int[(int) skillDv.getValueCount()];
                int[] systemCounts = systemDv == null ? null : new int[(int) systemDv.getValueCount()];
                int[] statusCounts = statusDv == null ? null : new int[statusDv.getValueCount()];
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) throws IOException {
                        hits++;
                        count(skillDv, skillCounts, doc);
                        count(systemDv, systemCounts, doc);
                        if (statusDv != null && statusDv.advanceExact(doc)) {
                            statusCounts[statusDv.ordValue()]++;
                        }
                    }

                    @Override
                    public void finish() throws IOException {
                        merge(skillDv, skillCounts, skills);
                        merge(systemDv, systemCounts, systems);
                        if (statusDv != null) {
                            for (int o = 0; o < statusCounts.length; o++) {
                                if (statusCounts[o] > 0) {
                                    status.merge(statusDv.lookupOrd(o).utf8ToString(), (long) statusCounts[o], Long::sum);
                                }
                            }
                        }
                    }
                };
            }

            private static void count(SortedSetDocValues dv, int[] counts, int doc) throws IOException {
                if (dv != null && dv.advanceExact(doc)) {
                    for (int i = 0; i < dv.docValueCount(); i++) {
                        counts[(int) dv.nextOrd()]++;
                    }
                }
            }

            private static void merge(SortedSetDocValues dv, int[] counts, Map<String, Long> into) throws IOException {
                if (dv == null) {
                    return;
                }
                for (int o = 0; o < counts.length; o++) {
                    if (counts[o] > 0) {
                        into.merge(dv.lookupOrd(o).utf8ToString(), (long) counts[o], Long::sum);
                    }
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }

        @Override
        public SegmentCounter newCollector() {
            return new SegmentCounter();
        }

        @Override
        public Counts reduce(Collection<SegmentCounter> collectors) {
            Map<String, Long> skills = new HashMap<>();
            Map<String, Long> status = new HashMap<>();
            Map<String, Long> systems = new HashMap<>();
            long hits = 0;
            for (SegmentCounter c : collectors) {
                hits += c.hits;
                c.skills.forEach((k, v) -> skills.merge(k, v, Long::sum));
                c.status.forEach((k, v) -> status.merge(k, v, Long::sum));
                c.systems.forEach((k, v) -> systems.merge(k, v, Long::sum));
            }
            return new Counts(hits, skills, status, systems);
        }
    }
}
