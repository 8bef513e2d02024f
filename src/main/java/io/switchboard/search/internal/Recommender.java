package io.switchboard.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

import io.switchboard.search.InvalidSearchException;
import io.switchboard.search.Reason;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendation;
import io.switchboard.search.Recommendations;
import io.switchboard.search.SearchSettings;

/**
 * Who is most likely to fix an incident. Fuses, per candidate engineer:
 * <ul>
 * <li>similar resolved incidents: BM25 top-N over past title+description+resolution (the incident's own system lifted
 * into it), each hit weighted by (score/best)^p, recency decay and same-system bonus, summed
 * per resolver and normalised to a share (expert finding "model 2" with sharpening, recency and system);</li>
 * <li>the resolver's history on the system: Dirichlet-smoothed, recency-decayed P(resolver | system);</li>
 * <li>global popularity (decayed);</li>
 * <li>declared level on the system and on the product;</li>
 * <li>profile text match (skills, certifications, products, system names vs the incident text);</li>
 * <li>valid certifications mentioned by the incident (expired ones never count).</li>
 * </ul>
 * Every retrieval is a bounded top-N; stored fields are only read for the final hits.
 */
final class Recommender {

    private static final int MAX_TEXT = 20_000;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(ZoneOffset.UTC);

    record Prepared(RecommendRequest request, String systemKey, String productKey, int limit,
            Map<String, Integer> textTerms, Set<String> titleTerms, Set<String> codeTerms) {}

    private final SearchSettings.Recommend cfg;
    private final SearchSettings.Weights w;
    private final Analyzers analyzers;
    private final ResolverStats stats;
    private final Clock clock;

    Recommender(SearchSettings.Recommend cfg, Analyzers analyzers, ResolverStats stats, Clock clock) {
        this.cfg = cfg;
        this.w = cfg.weights();
        this.analyzers = analyzers;
        this.stats = stats;
        this.clock = clock;
    }

    Prepared prepare(RecommendRequest r) {
        if (r == null) {
            throw new InvalidSearchException("A recommendation request is required");
        }
        int limit = r.limit() <= 0 ? cfg.defaultLimit() : r.limit();
        if (limit > cfg.maxLimit()) {
            throw new InvalidSearchException("limit must be at most " + cfg.maxLimit());
        }
        if (r.systemId() != null && r.systemId().length() > 200) {
            throw new InvalidSearchException("systemId is too long");
        }
        String title = cut(r.title());
        String text = cut(String.join("\n", nn(r.title()), nn(r.description()), nn(r.product())));
        Map<String, Integer> tf = new LinkedHashMap<>();
        for (String t : Fields.terms(analyzers.index(), Fields.INC_TEXT, text)) {
            if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(t)) {
                tf.merge(t, 1, Integer::sum);
            }
        }
        Set<String> titleTerms = new HashSet<>(Fields.terms(analyzers.index(), Fields.INC_TEXT, title));
        Set<String> codes = new LinkedHashSet<>(Fields.terms(analyzers.index(), Fields.INC_CODES, text));
        return new Prepared(r, Fields.blank(r.systemId()) ? null : Fields.norm(r.systemId()),
                Fields.blank(r.product()) ? null : Fields.norm(r.product()), limit, tf, titleTerms, codes);
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    /** Everything known about one candidate while ranking. */
    private static final class Candidate {
        final String id;
        double similar;
        int similarCount;
        int similarOnSystem;
        long similarLast = Long.MIN_VALUE;
        double systemPrior;
        double popularity;
        int declaredLevel;
        int productLevel;
        double profile;
        double certification;
        String certDetail;
        String profileDetail;
        boolean known;
        int doc = -1;
        String status;
        String name;
        double score;

        Candidate(String id) {
            this.id = id;
        }
    }

    Recommendations execute(IndexSearcher searcher, Prepared p) throws IOException {
        long now = clock.millis();
        Map<String, Candidate> cands = new HashMap<>();
        List<Selected> selected = selectTerms(searcher, p);

        // (b) expertise learned from similar resolved incidents
        if (!selected.isEmpty() || !p.codeTerms().isEmpty()) {
            similarIncidents(searcher, incidentText(searcher, p, selected), p, now, cands);
        }
        double simTotal = cands.values().stream().mapToDouble(c -> c.similar).sum();

        // (b') history on the system: add its top resolvers as candidates
        for (String r : stats.topOnSystem(p.systemKey(), cfg.candidatesPerSignal(), now)) {
            cands.computeIfAbsent(r, Candidate::new);
        }
        // (a) declared knowledge of the system and the product
        declared(searcher, Fields.SYSTEM_LEVEL, p.systemKey(), cands, true);
        declared(searcher, Fields.PRODUCT_LEVEL, p.productKey(), cands, false);
        // (c) profile text match
        profile(searcher, p, selected, cands);
        if (cands.isEmpty()) {
            for (String r : stats.topOverall(cfg.candidatesPerSignal(), now)) {
                cands.computeIfAbsent(r, Candidate::new);
            }
        }

        resolveEngineers(searcher, cands);
        var history = stats.at(p.systemKey(), now);
        List<Candidate> ranked = new ArrayList<>();
        for (Candidate c : cands.values()) {
            if (p.request().excludeEngineerIds().contains(c.id)) {
                continue;
            }
            if (p.request().availableOnly() && !(c.known && "AVAILABLE".equals(c.status))) {
                continue;
            }
            c.similar = simTotal > 0 ? c.similar / simTotal : 0;
            c.popularity = history.popularity(c.id);
            c.systemPrior = history.systemPrior(c.id, c.popularity, cfg.priorSmoothing());
            c.score = w.similarIncidents() * c.similar + w.systemHistory() * c.systemPrior + w.popularity() * c.popularity
                    + w.declaredSystem() * c.declaredLevel / 5.0 + w.declaredProduct() * c.productLevel / 5.0
                    + w.profile() * c.profile;
            ranked.add(c);
        }
        ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.id));

        // (d) valid certifications and names: stored fields for a bounded head only
        List<Candidate> head = new ArrayList<>(ranked.subList(0, Math.min(ranked.size(), p.limit() * 2)));
        details(searcher, p, head, now);
        for (Candidate c : head) {
            c.score += w.certification() * c.certification;
        }
        head.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.id));

        List<Recommendation> out = new ArrayList<>();
        for (Candidate c : head.subList(0, Math.min(head.size(), p.limit()))) {
            out.add(new Recommendation(c.id, c.name == null ? c.id : c.name, c.score, reasons(c, p, now)));
        }
        return new Recommendations(out);
    }

    /**
     * A word chosen from the incident text, with its place in the incidents' and the profiles' term dictionaries looked
     * up once: choosing it needs its document frequencies, and both searches that use it start from the same look-ups.
     */
    private record Selected(String term, TermStates inIncidents, TermStates inProfiles) {}

    /** The most informative distinct terms of the incident text (tf * idf over resolved incidents and profiles). */
    private List<Selected> selectTerms(IndexSearcher searcher, Prepared p) throws IOException {
        CollectionStatistics cs = searcher.collectionStatistics(Fields.INC_TEXT);
        CollectionStatistics profileCs = searcher.collectionStatistics(Fields.PROFILE);
        long n = (cs == null ? 0 : cs.docCount()) + (profileCs == null ? 0 : profileCs.docCount());
        if (n == 0) {
            return List.of();
        }
        Map<String, TermStates> inIncidents = termStates(searcher, Fields.INC_TEXT, p.textTerms().keySet());
        Map<String, TermStates> inProfiles = termStates(searcher, Fields.PROFILE, p.textTerms().keySet());
        List<Map.Entry<Selected, Double>> scored = new ArrayList<>();
        for (Map.Entry<String, Integer> e : p.textTerms().entrySet()) {
            var term = new Selected(e.getKey(), inIncidents.get(e.getKey()), inProfiles.get(e.getKey()));
            int df = term.inIncidents().docFreq() + term.inProfiles().docFreq();
            if (df == 0 || df > cfg.maxDocFreq() * n) {
                continue;
            }
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            scored.add(Map.entry(term, Math.sqrt(e.getValue()) * idf));
        }
        scored.sort(Map.Entry.<Selected, Double>comparingByValue().reversed());
        return scored.stream().limit(cfg.maxQueryTerms()).map(Map.Entry::getKey).toList();
    }

    /**
     * What {@link TermStates#build} finds for each word, with one terms enumerator per segment for all the words instead
     * of one per word and segment: on the small in-memory segments a fresh enumerator cost more than the seek.
     */
    private static Map<String, TermStates> termStates(IndexSearcher searcher, String field, Collection<String> words)
            throws IOException {
        IndexReaderContext top = searcher.getTopReaderContext();
        Map<String, TermStates> states = new HashMap<>();
        words.forEach(w -> states.put(w, new TermStates(top)));
        for (LeafReaderContext leaf : top.leaves()) {
            TermsEnum terms = Terms.getTerms(leaf.reader(), field).iterator();
            for (String w : words) {
                if (terms.seekExact(new BytesRef(w))) {
                    states.get(w).register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
                }
            }
        }
        return states;
    }

    /**
     * The incident's words as clauses over one kind of document: the rarer words and codes, which are searched for, and
     * the common words (in more than commonDocFreq of the documents with that field), which only rescore what the
     * rarer ones found.
     */
    record IncidentText(BooleanQuery searched, BooleanQuery rescoring) {}

    /** Above how many documents with the field a word is common there (once per query: it sums over the segments). */
    private double commonAbove(IndexSearcher searcher, String field) throws IOException {
        CollectionStatistics stats = searcher.collectionStatistics(field);
        return stats == null ? Double.MAX_VALUE : cfg.commonDocFreq() * stats.docCount();
    }

    private IncidentText incidentText(IndexSearcher searcher, Prepared p, List<Selected> selected) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        BooleanQuery.Builder common = new BooleanQuery.Builder();
        double commonAbove = commonAbove(searcher, Fields.INC_TEXT);
        for (Selected t : selected) {
            BooleanQuery.Builder to = t.inIncidents().docFreq() > commonAbove ? common : b;
            to.add(new TermQuery(new Term(Fields.INC_TEXT, t.term()), t.inIncidents()), Occur.SHOULD);
            if (cfg.titleBoost() > 0 && p.titleTerms().contains(t.term())) {
                to.add(new BoostQuery(new TermQuery(new Term(Fields.INC_TITLE, t.term())), cfg.titleBoost()), Occur.SHOULD);
            }
        }
        if (cfg.codeBoost() > 0) {
            CollectionStatistics incidents = searcher.collectionStatistics(Fields.INC_TEXT);
            long incidentCount = incidents == null ? 0 : incidents.docCount();
            int codes = 0;
            for (String c : p.codeTerms()) {
                if (codes++ >= cfg.maxQueryTerms() || !selective(searcher, c, incidentCount)) {
                    continue;
                }
                b.add(new BoostQuery(new TermQuery(new Term(Fields.INC_CODES, c)), cfg.codeBoost()), Occur.SHOULD);
            }
        }
        return new IncidentText(b.build(), common.build());
    }

    /**
     * The incident's words as {@link #execute} chooses them for its similar-incidents search: what the benchmark runs raw,
     * so the service's time over the raw time is the service's own overhead.
     */
    IncidentText similarIncidentsText(IndexSearcher searcher, Prepared p) throws IOException {
        return incidentText(searcher, p, selectTerms(searcher, p));
    }

    /** A code term worth a clause: not in more than maxDocFreq of the incidents. */
    private boolean selective(IndexSearcher searcher, String code, long incidentCount) throws IOException {
        int df = searcher.getIndexReader().docFreq(new Term(Fields.INC_CODES, code));
        return df <= cfg.maxDocFreq() * Math.max(1, incidentCount);
    }

    /** One retrieved past incident, its text score without the system lift. */
    private record Evidence(String resolver, long resolvedAt, boolean sameSystem, float textScore) {}

    /**
     * One BM25 top-N over all resolved incidents. Incidents on the incident's own system get a constant lift while
     * retrieving, so the system's history reaches the top N without a second search; the lift is taken off again
     * before weighting, where sameness counts through systemMatchBoost.
     */
    private void similarIncidents(IndexSearcher searcher, IncidentText text, Prepared p, long now,
            Map<String, Candidate> cands) throws IOException {
        TopDocs top = similarIncidentsTopDocs(searcher, text, p.systemKey(), cfg.systemRetrievalBoost(),
                Math.max(1, cfg.similarIncidents()), cfg.rescoreDepth());
        DocValuesCursor values = new DocValuesCursor(searcher);
        List<Evidence> evidence = new ArrayList<>(top.scoreDocs.length);
        float max = 0;
        for (ScoreDoc sd : DocValuesCursor.inDocOrder(top.scoreDocs)) {
            String resolver = values.at(sd.doc).string(Fields.RESOLVER_DV);
            if (resolver == null) {
                continue;
            }
            String system = p.systemKey() == null ? null : values.string(Fields.INC_SYSTEM_DV);
            boolean sameSystem = system != null && Fields.norm(system).equals(p.systemKey());
            float score = sd.score - (sameSystem ? cfg.systemRetrievalBoost() : 0);
            if (score <= 0) {
                continue; // shares the system and no word
            }
            max = Math.max(max, score);
            evidence.add(new Evidence(resolver, values.number(Fields.RESOLVED_AT, now), sameSystem, score));
        }
        for (Evidence e : evidence) {
            double weight = Math.pow(e.textScore() / max, cfg.scoreExponent())
                    * stats.recency(now - e.resolvedAt()) * (e.sameSystem() ? 1 + cfg.systemMatchBoost() : 1);
            Candidate c = cands.computeIfAbsent(e.resolver(), Candidate::new);
            c.similar += weight;
            c.similarCount++;
            if (e.sameSystem()) {
                c.similarOnSystem++;
            }
            c.similarLast = Math.max(c.similarLast, e.resolvedAt());
        }
    }

    /**
     * The n past incidents that score best on all of the incident's words, their system's lift included. The common
     * words' long postings cost most of a search over a million incidents while adding little to tell incidents apart,
     * so the rarer words and the lift find the best {@code depth} first, and the common words' scores are added to those
     * only. For each incident found that is the score of one search for all words (a boolean query's clauses add up).
     * What can be lost is an incident that shares no rarer word and would still have made the top n on common words,
     * or one that would have climbed from below the depth. In a large history the top n is full of incidents that share
     * a rarer word; where the rarer words find fewer than n (a small history), one search for all words runs instead.
     * With only rare or only common words it is one search as well.
     */
    static TopDocs similarIncidentsTopDocs(IndexSearcher searcher, IncidentText text, String systemKey, float systemLift,
            int n, int depth) throws IOException {
        return topDocs(searcher, text, words -> similarIncidentsQuery(words, systemKey, systemLift), n, depth);
    }

    /** The n best on all of the text's words, the rarer ones searched for and the common ones rescoring (see above). */
    private static TopDocs topDocs(IndexSearcher searcher, IncidentText text, Function<BooleanQuery, Query> around, int n,
            int depth) throws IOException {
        if (!text.searched().clauses().isEmpty() && !text.rescoring().clauses().isEmpty()) {
            int k = Math.max(n, depth);
            TopDocs best = searcher.search(around.apply(text.searched()), new TopScoreDocCollectorManager(k, null, k));
            if (best.scoreDocs.length >= n) {
                return QueryRescorer.rescore(searcher, best, text.rescoring(), 1, n);
            }
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        text.searched().clauses().forEach(all::add);
        text.rescoring().clauses().forEach(all::add);
        return searcher.search(around.apply(all.build()), new TopScoreDocCollectorManager(n, null, n));
    }

    /**
     * The similar-incidents query: any of the text's clauses. The lift for the incident's system is one more optional
     * clause next to the words rather than a clause around them, which keeps Lucene's top-N pruning (an optional
     * clause beside a required disjunction makes it score every match). An incident that shares only the system gets
     * in with the lift alone and carries no weight. Every field here is one only resolved incidents have, so there is
     * no filter on the document type: it only sent the scoring down Lucene's slower filtered path.
     */
    private static Query similarIncidentsQuery(BooleanQuery text, String systemKey, float systemLift) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        text.clauses().forEach(any::add);
        if (systemKey != null && systemLift > 0) {
            any.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.INC_SYSTEM, systemKey))),
                    systemLift), Occur.SHOULD);
        }
        return any.build();
    }

    private void declared(IndexSearcher searcher, String field, String key, Map<String, Candidate> cands,
            boolean system) throws IOException {
        if (key == null) {
            return;
        }
        List<Query> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            levels.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, key + "|" + level))), level));
        }
        TopDocs top = searcher.search(new DisjunctionMaxQuery(levels, 0f), new TopScoreDocCollectorManager(cfg.candidatesPerSignal() * 2, null, 1));
        forEngineers(searcher, top, (id, score) -> {
            Candidate c = cands.computeIfAbsent(id, Candidate::new);
            int level = Math.round(score);
            if (system) {
                c.declaredLevel = Math.max(c.declaredLevel, level);
            } else {
                c.productLevel = Math.max(c.productLevel, level);
            }
        });
    }

    private void profile(IndexSearcher searcher, Prepared p, List<Selected> selected, Map<String, Candidate> cands)
            throws IOException {
        if (w.profile() <= 0 || (selected.isEmpty() && p.codeTerms().isEmpty())) {
            return;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        BooleanQuery.Builder common = new BooleanQuery.Builder();
        double commonAbove = commonAbove(searcher, Fields.PROFILE);
        for (Selected t : selected) {
            (t.inProfiles().docFreq() > commonAbove ? common : b)
                    .add(new TermQuery(new Term(Fields.PROFILE, t.term()), t.inProfiles()), Occur.SHOULD);
        }
        int codes = 0;
        for (String c : p.codeTerms()) {
            if (codes++ >= cfg.maxQueryTerms()) {
                break;
            }
            b.add(new TermQuery(new Term(Fields.PROFILE_CODES, c)), Occur.SHOULD);
        }
        int n = cfg.candidatesPerSignal();
        TopDocs top = topDocs(searcher, new IncidentText(b.build(), common.build()), words -> words, n,
                cfg.rescoreDepth());
        if (top.scoreDocs.length == 0) {
            return;
        }
        float max = top.scoreDocs[0].score;
        forEngineers(searcher, top, (id, score) -> cands.computeIfAbsent(id, Candidate::new).profile = score / max);
    }

    private interface EngineerHit {
        void accept(String engineerId, float score);
    }

    private static void forEngineers(IndexSearcher searcher, TopDocs top, EngineerHit fn) throws IOException {
        DocValuesCursor values = new DocValuesCursor(searcher);
        for (ScoreDoc sd : DocValuesCursor.inDocOrder(top.scoreDocs)) {
            String id = values.at(sd.doc).string(Fields.ENG_ID_DV);
            if (id != null) {
                fn.accept(id, sd.score);
            }
        }
    }

    /** Marks which candidates have an engineer document, and their live status (doc values only). */
    private static void resolveEngineers(IndexSearcher searcher, Map<String, Candidate> cands) throws IOException {
        if (cands.isEmpty()) {
            return;
        }
        List<BytesRef> ids = cands.keySet().stream().map(BytesRef::new).toList();
        TopDocs top = searcher.search(new ConstantScoreQuery(new TermInSetQuery(Fields.ENG_ID, ids)),
                new TopScoreDocCollectorManager(ids.size(), null, 1));
        DocValuesCursor values = new DocValuesCursor(searcher);
        for (ScoreDoc sd : DocValuesCursor.inDocOrder(top.scoreDocs)) {
            String id = values.at(sd.doc).string(Fields.ENG_ID_DV);
            Candidate c = id == null ? null : cands.get(id);
            if (c != null) {
                c.known = true;
                c.doc = sd.doc;
                c.status = values.string(Fields.STATUS_DV);
            }
        }
    }

    /**
     * Names, valid certifications and matched profile entries of the head of the ranking, from each engineer's card
     * (found by {@link #resolveEngineers} in this same searcher).
     */
    private void details(IndexSearcher searcher, Prepared p, List<Candidate> head, long now) throws IOException {
        List<Candidate> known = head.stream().filter(c -> c.known).sorted(Comparator.comparingInt(c -> c.doc)).toList();
        DocValuesCursor values = new DocValuesCursor(searcher);
        Set<String> incidentWords = p.textTerms().keySet();
        for (Candidate c : known) {
            BytesRef bytes = values.at(c.doc).bytes(Fields.ENG_CARD);
            if (bytes == null) {
                continue;
            }
            EngineerCard card = EngineerCard.decode(bytes);
            c.name = card.name();
            for (EngineerCard.Certificate cert : card.certifications()) {
                if (cert.expires() <= now) {
                    continue; // expired certifications never count
                }
                if (EngineerCard.mentioned(cert.words(), cert.codes(), incidentWords, p.codeTerms())) {
                    c.certification = 1;
                    c.certDetail = "Certified: " + cert.name() + (cert.expires() == Fields.NEVER ? " (no expiry)"
                            : " (valid until " + MONTH.format(Instant.ofEpochMilli(cert.expires())) + ")");
                    break;
                }
            }
            if (c.profile > 0) {
                Set<String> matched = new LinkedHashSet<>();
                for (EngineerCard.Entry e : card.profile()) {
                    if (EngineerCard.mentioned(e.words(), e.codes(), incidentWords, p.codeTerms())) {
                        matched.add(e.value());
                    }
                }
                if (!matched.isEmpty()) {
                    c.profileDetail = "Profile matches: " + String.join(", ", matched.stream().limit(5).toList());
                }
            }
        }
    }

    private List<Reason> reasons(Candidate c, Prepared p, long now) {
        List<Reason> out = new ArrayList<>();
        String sysLabel = systemLabel(p);
        if (c.similarCount > 0) {
            String where = c.similarOnSystem > 0 && sysLabel != null
                    ? " (" + c.similarOnSystem + " on " + sysLabel + ")" : "";
            out.add(new Reason("similar-incidents", w.similarIncidents() * c.similar,
                    "Resolved " + c.similarCount + " similar incident" + (c.similarCount == 1 ? "" : "s") + where
                            + ", the last " + ago(now, c.similarLast)));
        }
        ResolverStats.Decayed onSystem = stats.onSystem(c.id, p.systemKey());
        if (onSystem != null && onSystem.count() > 0) {
            out.add(new Reason("system-history", w.systemHistory() * c.systemPrior,
                    "Resolved " + onSystem.count() + " incident" + (onSystem.count() == 1 ? "" : "s") + " on " + sysLabel
                            + ", the last " + ago(now, onSystem.lastMillis())));
        }
        if (c.declaredLevel > 0) {
            out.add(new Reason("declared-system", w.declaredSystem() * c.declaredLevel / 5.0,
                    "Declared level " + c.declaredLevel + " on " + sysLabel));
        }
        if (c.productLevel > 0) {
            out.add(new Reason("declared-product", w.declaredProduct() * c.productLevel / 5.0,
                    "Declared level " + c.productLevel + " on a " + p.request().product().trim() + " system"));
        }
        if (c.profile > 0) {
            out.add(new Reason("profile", w.profile() * c.profile,
                    c.profileDetail != null ? c.profileDetail : "Profile matches the incident text"));
        }
        if (c.certification > 0) {
            out.add(new Reason("certification", w.certification() * c.certification, c.certDetail));
        }
        long total = stats.resolvedCount(c.id);
        if (total > 0 && w.popularity() > 0) {
            out.add(new Reason("experience", w.popularity() * c.popularity,
                    "Resolved " + total + " incident" + (total == 1 ? "" : "s") + " in all"));
        }
        out.sort(Comparator.comparingDouble((Reason r) -> -r.weight()));
        return out;
    }

    private String systemLabel(Prepared p) {
        if (p.systemKey() == null) {
            return "this system";
        }
        String raw = p.request().systemId().trim();
        String name = stats.systemName(p.systemKey());
        return name == null || name.equalsIgnoreCase(raw) ? raw : name + " (" + raw + ")";
    }

    private static String ago(long now, long then) {
        if (then == Long.MIN_VALUE) {
            return "some time ago";
        }
        Duration d = Duration.ofMillis(Math.max(0, now - then));
        long days = d.toDays();
        if (days == 0) {
            long hours = d.toHours();
            return hours <= 1 ? "within the last hour" : hours + " hours ago";
        }
        if (days < 60) {
            return days + (days == 1 ? " day ago" : " days ago");
        }
        if (days < 730) {
            return (days / 30) + " months ago";
        }
        return (days / 365) + " years ago";
    }
}
