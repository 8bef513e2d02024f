package io.switchboard.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;

import io.switchboard.search.SearchSettings;

/**
 * The dispatcher's query language: plain words (typos forgiven for longer words), {@code "exact phrases"}, and
 * {@code skill: system: cert: name: product: version: status: lang:} fields. Not thread-safe: one per query.
 */
final class DispatcherQueryParser extends QueryParser {

    static final String ANY = "_any";

    private record Target(String field, float boost) {}

    private static final Set<String> FUZZY_FIELDS = Set.of(Fields.NAME, Fields.SKILLS, Fields.CERTS,
            Fields.SYSTEM_NAME, Fields.PRODUCT_TEXT, Fields.SITE);

    private final Map<String, List<Target>> aliases = new LinkedHashMap<>();
    private final Set<String> realFields;
    private final SearchSettings.Query cfg;
    private final String validFromDay;
    private boolean quoted;
    private int clauses;

    /** @param validFromDay when not null, cert: words only match certifications valid on that day (epoch day) */
    DispatcherQueryParser(Analyzer analyzer, SearchSettings.Query cfg, String validFromDay) {
        super(ANY, analyzer);
        this.cfg = cfg;
        this.validFromDay = validFromDay;
        setDefaultOperator(AND_OPERATOR);
        setSplitOnWhitespace(true);
        setAllowLeadingWildcard(false);
        setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        setFuzzyPrefixLength(cfg.fuzzyPrefixLength());
        aliases.put(ANY, List.of(new Target(Fields.NAME, cfg.nameBoost()), new Target(Fields.SKILLS, cfg.skillBoost()),
                new Target(Fields.CERTS, cfg.certBoost()), new Target(Fields.SYSTEM_NAME, cfg.systemBoost()),
                new Target(Fields.SYSTEM_ID, cfg.systemBoost()), new Target(Fields.PRODUCT, cfg.productBoost()),
                new Target(Fields.PRODUCT_TEXT, cfg.productBoost() * 0.5f), new Target(Fields.VERSION, 1f),
                new Target(Fields.SITE, 0.5f)));
        aliases.put("name", List.of(new Target(Fields.NAME, 1f)));
        aliases.put("skill", List.of(new Target(Fields.SKILL_KW, 2f), new Target(Fields.SKILLS, 1f)));
        aliases.put("cert", List.of(new Target(Fields.CERTS, 1f)));
        aliases.put("certification", aliases.get("cert"));
        aliases.put("system", List.of(new Target(Fields.SYSTEM_ID, 2f), new Target(Fields.SYSTEM_NAME, 1f)));
        aliases.put("product", List.of(new Target(Fields.PRODUCT, 2f), new Target(Fields.PRODUCT_TEXT, 1f)));
        aliases.put("version", List.of(new Target(Fields.VERSION, 1f)));
        aliases.put("status", List.of(new Target(Fields.STATUS, 1f)));
        aliases.put("lang", List.of(new Target(Fields.LANG, 1f)));
        aliases.put("language", aliases.get("lang"));
        aliases.put("site", List.of(new Target(Fields.SITE, 1f)));
        realFields = Set.of(Fields.NAME, Fields.SKILLS, Fields.SKILL_KW, Fields.CERTS, Fields.SYSTEM_ID,
                Fields.SYSTEM_NAME, Fields.PRODUCT, Fields.PRODUCT_TEXT, Fields.VERSION, Fields.STATUS, Fields.LANG,
                Fields.SITE);
    }

    /** Names a user may put before a colon. */
    Set<String> userFields() {
        return aliases.keySet();
    }

    int clauses() {
        return clauses;
    }

    private List<Target> targets(String field) throws ParseException {
        if (realFields.contains(field) && !aliases.containsKey(field)) {
            return List.of(new Target(field, 1f));
        }
        List<Target> t = aliases.get(field);
        if (t == null) {
            List<String> known = new ArrayList<>(aliases.keySet());
            known.remove(ANY);
            throw new ParseException("Unknown field '" + field + "'; use one of " + String.join(", ", known));
        }
        return t;
    }

    private void countClause() throws ParseException {
        if (++clauses > cfg.maxClauses()) {
            throw new ParseException("Too many terms in the query (at most " + cfg.maxClauses() + ")");
        }
    }

    private interface PerField {
        Query build(String field) throws ParseException;
    }

    private Query across(String field, PerField builder) throws ParseException {
        List<Target> targets = targets(field);
        if (targets.size() == 1 && targets.get(0).field().equals(field)) {
            return builder.build(field);
        }
        List<Query> parts = new ArrayList<>();
        for (Target t : targets) {
            Query q = builder.build(t.field());
            if (q != null) {
                parts.add(t.boost() == 1f ? q : new BoostQuery(q, t.boost()));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : new DisjunctionMaxQuery(parts, 0.1f);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        countClause();
        boolean previous = this.quoted;
        this.quoted = quoted;
        try {
            return across(field, f -> super.getFieldQuery(f, queryText, quoted));
        } finally {
            this.quoted = previous;
        }
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        countClause();
        return across(field, f -> super.getFieldQuery(f, queryText, slop));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        countClause();
        return across(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        countClause();
        if (termStr.startsWith("*") || termStr.startsWith("?")) {
            throw new ParseException("A word may not start with a wildcard ('" + termStr + "')");
        }
        return across(field, f -> super.getWildcardQuery(f, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        countClause();
        return across(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException("Regular expressions are not supported");
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
            boolean endInclusive) throws ParseException {
        throw new ParseException("Range queries are not supported");
    }

    @Override
    protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
        int edits = Math.min(cfg.fuzzyMaxEdits(), FuzzyQuery.floatToEdits(minimumSimilarity, term.text().length()));
        return new TypoQuery(term, Math.max(0, edits), Math.max(prefixLength, cfg.fuzzyPrefixLength()),
                cfg.fuzzyMaxExpansions());
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
        if (validFromDay != null && term.field().equals(Fields.CERTS)) {
            Query q = TermRangeQuery.newStringRange(Fields.CERT_VALID_TERMS, term.text() + "|" + validFromDay,
                    term.text() + "|" + Fields.NEVER_DAY, true, true);
            return boost == 1f ? q : new BoostQuery(q, boost);
        }
        Query exact = super.newTermQuery(term, boost);
        int len = term.text().length();
        if (quoted || !FUZZY_FIELDS.contains(term.field()) || len < cfg.fuzzyMinLength() || cfg.fuzzyMaxEdits() <= 0) {
            return exact;
        }
        int edits = Math.min(cfg.fuzzyMaxEdits(), len >= 7 ? 2 : 1);
        Query fuzzy = new TypoQuery(term, edits, cfg.fuzzyPrefixLength(), cfg.fuzzyMaxExpansions());
        return new BooleanQuery.Builder()
                .add(exact, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(fuzzy, cfg.fuzzyBoost() * boost), BooleanClause.Occur.SHOULD)
                .build();
    }
}
