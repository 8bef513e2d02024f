package io.switchboard.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every tunable of search and ranking ({@code switchboard.search.*}); defaults live in
 * {@code config/application.yml}, not in code.
 *
 * @param synonymsFile Solr-format synonyms applied at query time to text fields; a missing file means none
 */
@ConfigurationProperties(prefix = "switchboard.search")
public record SearchSettings(String synonymsFile, Index index, Query query, Recommend recommend) {

    /**
     * @param reopenMaxStale longest a change may stay invisible when nobody waits for it
     * @param reopenMinStale refresh interval when a caller waits for a change
     * @param ramBufferMb    IndexWriter RAM buffer
     */
    public record Index(Duration reopenMaxStale, Duration reopenMinStale, double ramBufferMb) {
        public Index {
            if (reopenMinStale == null || reopenMaxStale == null || reopenMinStale.isNegative()
                    || reopenMinStale.compareTo(reopenMaxStale) > 0) {
                throw new IllegalArgumentException("switchboard.search.index.reopen-min-stale (" + reopenMinStale
                        + ") must be at least 0 and at most reopen-max-stale (" + reopenMaxStale + ")");
            }
            if (ramBufferMb <= 0) {
                throw new IllegalArgumentException("switchboard.search.index.ram-buffer-mb must be positive");
            }
        }
    }

    /**
     * Dispatcher search limits and field weights.
     *
     * @param maxLength          longest accepted query string (characters)
     * @param maxClauses         most clauses a parsed query may have
     * @param fuzzyMinLength     words at least this long also match with typos
     * @param fuzzyMaxEdits      edit distance allowed for typos (1 or 2)
     * @param fuzzyPrefixLength  leading characters that must be typed right
     * @param fuzzyMaxExpansions most index terms a fuzzy word expands to
     * @param fuzzyBoost         weight of a fuzzy match relative to an exact one
     */
    public record Query(int maxLength, int maxClauses, int fuzzyMinLength, int fuzzyMaxEdits, int fuzzyPrefixLength,
            int fuzzyMaxExpansions, float fuzzyBoost, int defaultLimit, int maxLimit, int maxOffset,
            int facetValues, int highlightFragments, float nameBoost, float skillBoost, float certBoost,
            float systemBoost, float productBoost) {}

    /**
     * Recommendation: who is most likely to fix an incident.
     *
     * @param similarIncidents     resolved incidents retrieved by BM25 as evidence (top-N)
     * @param maxQueryTerms        most distinct terms of the incident text used (the rarest win)
     * @param maxDocFreq           terms found in more than this share of resolved incidents are ignored (cost, noise)
     * @param commonDocFreq        terms found in more than this share are not searched for: they only add their score
     *                             to the best {@code rescoreDepth} matches of the rarer terms (1 = search them all)
     * @param rescoreDepth         how many matches of the rarer terms the common ones rescore (at least similarIncidents)
     * @param titleBoost           extra weight of a match in a past incident's title
     * @param codeBoost            extra weight of a whole code token (S7-1500, cat_12) match
     * @param systemMatchBoost     extra weight of a retrieved past incident on the same system (1 + boost times)
     * @param systemRetrievalBoost BM25 points added to past incidents on the same system while retrieving the top-N, so
     *                             the system's own history gets in (taken off again before weighting)
     * @param scoreExponent        sharpening of similar-incident scores (score/max)^exponent
     * @param recencyHalfLife      age at which a resolved incident counts half
     * @param priorSmoothing       Dirichlet smoothing of the per-system resolver prior towards global popularity
     * @param candidatesPerSignal  candidates taken from each signal before fusion
     * @param weights              how the normalised signals add up
     */
    public record Recommend(int similarIncidents, int maxQueryTerms, double maxDocFreq, double commonDocFreq,
            int rescoreDepth, float titleBoost, float codeBoost,
            float systemMatchBoost, float systemRetrievalBoost, double scoreExponent, Duration recencyHalfLife, double priorSmoothing,
            int candidatesPerSignal, int defaultLimit, int maxLimit, Weights weights) {}

    /** Weights of the normalised signals (each in 0..1 before weighting). */
    public record Weights(double similarIncidents, double systemHistory, double popularity, double declaredSystem,
            double declaredProduct, double profile, double certification) {}
}
