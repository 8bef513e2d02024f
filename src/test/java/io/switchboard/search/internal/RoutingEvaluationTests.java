package io.switchboard.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.search.IndexedEngineer;
import io.switchboard.search.IndexedIncident;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendation;
import io.switchboard.search.SearchSettings;
import io.switchboard.search.SearchSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routing-eval protocol against the component: import each set's history, recommend (limit 10) for every query,
 * print P@1, MRR@10 and R@5. {@code -DroutingEval.dir=...} points at the sets; {@code -DroutingEval.sweep=
 * "recommend.weights.system-history=0.3,0.5;recommend.score-exponent=1,2"} evaluates a grid of overrides.
 * {@code -DroutingEval.inner=true} never looks at the queries: it splits each history in time (first 80% as history,
 * the last 20% as queries), so settings can be chosen without fitting the sets' queries. Run with
 * {@code mvn test -Peval}.
 */
@Tag("eval")
class RoutingEvaluationTests {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Query(String id, String systemId, String product, String title, String description, String expected) {}

    record DataSet(String name, List<IndexedEngineer> engineers, List<IndexedIncident> incidents, List<Query> queries,
            Instant end) {}

    record Scores(double p1, double mrr10, double r5, int n) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P@1 %.3f  MRR@10 %.3f  R@5 %.3f  (n=%d)", p1, mrr10, r5, n);
        }
    }

    @TempDir
    Path tmp;

    @Test
    void reportsRoutingQualityPerSet() throws IOException {
        Path dir = Path.of(System.getProperty("routingEval.dir", "../shared/data/routing-eval"));
        List<Path> sets;
        try (Stream<Path> s = Files.list(dir)) {
            sets = s.filter(p -> Files.exists(p.resolve("history.ndjson"))).sorted().toList();
        }
        assertThat(sets).as("routing-eval sets under " + dir.toAbsolutePath()).isNotEmpty();
        List<Map<String, String>> grid = grid(System.getProperty("routingEval.sweep", ""));
        Map<String, Scores> summary = new LinkedHashMap<>();
        for (Path set : sets) {
            DataSet data = Boolean.getBoolean("routingEval.inner") ? innerSplit(load(set), 0.8) : load(set);
            for (Map<String, String> overrides : grid) {
                Scores s = evaluate(data, overrides);
                String key = data.name() + (overrides.isEmpty() ? "" : " " + overrides);
                summary.put(key, s);
                System.out.println("[routing-eval] " + key + "  " + s);
            }
        }
        summary.forEach((k, v) -> assertThat(v.n()).as(k).isPositive());
    }

    private Scores evaluate(DataSet data, Map<String, String> overrides) {
        SearchSettings settings = TestSettings.with(overrides);
        Clock clock = Clock.fixed(data.end(), ZoneOffset.UTC);
        SearchSource source = new SearchSource() {
            @Override
            public Stream<IndexedEngineer> engineers() {
                return data.engineers().stream();
            }

            @Override
            public Stream<IndexedIncident> resolvedIncidents() {
                return data.incidents().stream();
            }

            @Override
            public String fingerprint() {
                return data.name();
            }
        };
        Path indexDir = tmp.resolve(data.name() + "-" + Integer.toHexString(overrides.hashCode()));
        double p1 = 0, mrr = 0, r5 = 0;
        long started;
        long[] latencies = new long[data.queries().size()];
        try (LuceneEngineerIndex index = new LuceneEngineerIndex(settings, source, clock, indexDir)) {
            index.open();
            for (Query q : data.queries()) { // warm-up pass, so that latencies are not JIT compilation
                index.recommend(new RecommendRequest(q.systemId(), q.product(), q.title(), q.description(), 10, false,
                        Set.of()));
            }
            started = System.nanoTime();
            int i = 0;
            for (Query q : data.queries()) {
                long t0 = System.nanoTime();
                List<Recommendation> hits = index.recommend(new RecommendRequest(q.systemId(), q.product(), q.title(),
                        q.description(), 10, false, Set.of())).hits();
                latencies[i++] = System.nanoTime() - t0;
                for (int rank = 0; rank < hits.size(); rank++) {
                    if (hits.get(rank).engineerId().equals(q.expected())) {
                        if (rank == 0) {
                            p1++;
                        }
                        if (rank < 5) {
                            r5++;
                        }
                        mrr += 1.0 / (rank + 1);
                        break;
                    }
                }
            }
        }
        int n = data.queries().size();
        java.util.Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "[routing-eval] %s: %d queries in %d ms, p50 %.2f ms, p99 %.2f ms%n", data.name(),
                n, (System.nanoTime() - started) / 1_000_000, latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6);
        return new Scores(p1 / n, mrr / n, r5 / n, n);
    }

    static DataSet load(Path set) throws IOException {
        Map<String, String[]> systems = new HashMap<>();
        List<IndexedEngineer> engineers = new ArrayList<>();
        List<IndexedIncident> incidents = new ArrayList<>();
        Instant end = Instant.EPOCH;
        for (String line : Files.readAllLines(set.resolve("history.ndjson"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = JSON.readTree(line);
            switch (str(o, "type")) {
                case "system" -> systems.put(str(o, "id"), new String[] {str(o, "name"), str(o, "product")});
                case "engineer" -> engineers.add(new IndexedEngineer(str(o, "id"), str(o, "name"), str(o, "email"),
                        List.of(), List.of(), List.of(), null, null, List.of(), "AVAILABLE"));
                case "incident" -> {
                    String sys = str(o, "systemId");
                    String[] s = sys == null ? null : systems.get(sys);
                    String at = str(o, "resolvedAt") != null ? str(o, "resolvedAt") : str(o, "openedAt");
                    Instant when = at == null ? null : Instant.parse(at);
                    if (when != null && when.isAfter(end)) {
                        end = when;
                    }
                    incidents.add(new IndexedIncident(str(o, "id"), sys, s == null ? null : s[0], s == null ? null : s[1],
                            str(o, "title"), str(o, "description"), str(o, "resolution"), str(o, "resolvedBy"), when));
                }
                default -> { }
            }
        }
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(set.resolve("queries.ndjson"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = JSON.readTree(line);
            String sys = str(o, "systemId");
            String[] s = sys == null ? null : systems.get(sys);
            queries.add(new Query(str(o, "id"), sys, s == null ? null : s[1], str(o, "title"), str(o, "description"),
                    str(o, "expected")));
        }
        return new DataSet(set.getFileName().toString(), engineers, incidents, queries, end);
    }

    /** The history's own time split: the first {@code share} as history, the incidents after it as queries. */
    static DataSet innerSplit(DataSet full, double share) {
        List<IndexedIncident> byTime = full.incidents().stream().filter(i -> i.resolvedAt() != null)
                .sorted(java.util.Comparator.comparing(IndexedIncident::resolvedAt)).toList();
        int cut = (int) (byTime.size() * share);
        List<IndexedIncident> history = byTime.subList(0, cut);
        Set<String> known = new java.util.HashSet<>(history.stream().map(IndexedIncident::resolvedBy).toList());
        List<Query> queries = byTime.subList(cut, byTime.size()).stream().filter(i -> known.contains(i.resolvedBy()))
                .map(i -> new Query(i.id(), i.systemId(), i.product(), i.title(), i.description(), i.resolvedBy()))
                .toList();
        return new DataSet(full.name() + "-inner", full.engineers(), history, queries,
                history.getLast().resolvedAt());
    }

    private static String str(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** "a=1,2;b=x" → [{a=1,b=x},{a=2,b=x}]; empty → [{}]. */
    static List<Map<String, String>> grid(String spec) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String axis : spec.split(";")) {
            String[] kv = axis.split("=", 2);
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> base : out) {
                for (String v : kv[1].split(",")) {
                    Map<String, String> m = new LinkedHashMap<>(base);
                    m.put("switchboard.search." + kv[0].trim(), v.trim());
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }
}
