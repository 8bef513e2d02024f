package io.switchboard.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.switchboard.SwitchboardApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The routing-eval protocol of ../shared/data/routing-eval/README.md, end to end through the real service: for
 * each set a fresh Switchboard on its own empty data folder, {@code POST /api/import} of history.ndjson over HTTP,
 * then {@code POST /api/engineers/recommend} (limit 10) for every query. Prints P@1, MRR@10, R@5 and the HTTP
 * latency of recommend per set, writes the same lines to target/routing-eval.txt, and fails when a set's MRR@10
 * is below the textbook BM25 baseline of the data README. {@code -DroutingEval.dir=...} points at the sets.
 * Run with {@code mvn test -Peval -DskipFrontend}.
 */
@Tag("eval")
class ServiceRoutingEvaluationTests {

    /** MRR@10 of "BM25 over resolved incidents, scores summed per resolver" from the data README. */
    static final Map<String, Double> BM25_BASELINE_MRR10 = Map.of("itsm-dev", 0.397, "se-iot", 0.325);

    private static final String ADMIN_PASSWORD = "routing-eval-" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Query(String id, String systemId, String title, String description, String expected) {}

    record Result(String set, int n, double p1, double mrr10, double r5, double p50Ms, double p99Ms,
            double floorP50Ms, Map<String, Integer> imported, long importMs) {
        String line() {
            return String.format(Locale.ROOT,
                    "%-10s queries %5d  P@1 %.3f  MRR@10 %.3f  R@5 %.3f  recommend over HTTP p50 %.2f ms p99 %.2f ms"
                            + "  (floor: authenticated GET p50 %.2f ms; import %s in %d ms)",
                    set, n, p1, mrr10, r5, p50Ms, p99Ms, floorP50Ms, imported, importMs);
        }
    }

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String auth = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Test
    void reportsRoutingQualityThroughTheService() throws Exception {
        Path dir = Path.of(System.getProperty("routingEval.dir", "../shared/data/routing-eval"));
        List<Path> sets;
        try (Stream<Path> s = Files.list(dir)) {
            sets = s.filter(p -> Files.exists(p.resolve("history.ndjson")) && Files.exists(p.resolve("queries.ndjson")))
                    .sorted().toList();
        }
        assertThat(sets).as("routing-eval sets under " + dir.toAbsolutePath()).isNotEmpty();

        List<Result> results = new ArrayList<>();
        for (Path set : sets) {
            Result r = evaluate(set);
            results.add(r);
            System.out.println("[routing-eval/http] " + r.line());
        }

        List<String> out = new ArrayList<>();
        out.add("routing-eval through the service (POST /api/import, POST /api/engineers/recommend limit 10), sets in "
                + dir.toAbsolutePath().normalize());
        List<String> failures = new ArrayList<>();
        for (Result r : results) {
            Double baseline = BM25_BASELINE_MRR10.get(r.set());
            String verdict = baseline == null ? "no baseline"
                    : String.format(Locale.ROOT, "BM25 baseline MRR@10 %.3f: %s", baseline,
                            r.mrr10() >= baseline ? "ok" : "BELOW");
            out.add(r.line() + "  " + verdict);
            if (baseline != null && r.mrr10() < baseline) {
                failures.add(String.format(Locale.ROOT, "%s: MRR@10 %.3f < BM25 baseline %.3f", r.set(), r.mrr10(),
                        baseline));
            }
        }
        Path report = Path.of("target", "routing-eval.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, out, StandardCharsets.UTF_8);
        out.forEach(l -> System.out.println("[routing-eval/http] " + l));

        results.forEach(r -> assertThat(r.n()).as(r.set() + " queries").isPositive());
        if (!failures.isEmpty()) {
            fail("Routing worse than the textbook baseline: " + String.join("; ", failures));
        }
    }

    private Result evaluate(Path set) throws Exception {
        String name = set.getFileName().toString();
        Path dataDir = Files.createDirectories(tmp.resolve(name));
        List<Query> queries = loadQueries(set.resolve("queries.ndjson"));
        // Command-line arguments, not SpringApplicationBuilder.properties(): those are only *default* properties,
        // which application.yml (server.port 8080, data-dir ./data, admin-password "") overrides.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SwitchboardApplication.class)
                .run("--server.port=0", "--switchboard.data-dir=" + dataDir.toAbsolutePath(),
                        "--switchboard.admin-password=" + ADMIN_PASSWORD, "--spring.main.banner-mode=off")) {
            String port = context.getEnvironment().getProperty("local.server.port");
            String usedDir = context.getEnvironment().getProperty("switchboard.data-dir");
            assertThat(usedDir).as("data dir actually used").isEqualTo(dataDir.toAbsolutePath().toString());
            assertThat(port).as("random port actually used").isNotNull().isNotEqualTo("8080");
            String base = "http://localhost:" + port;
            awaitHealthy(base);

            long t0 = System.nanoTime();
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/import"))
                    .header("Authorization", auth)
                    .header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofFile(set.resolve("history.ndjson")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long importMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(imported.statusCode()).as(name + " import: " + imported.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(imported.body());
            assertThat(report.path("rejected").size()).as(name + " rejected lines: " + report.path("rejected"))
                    .isZero();
            assertThat(report.path("rejectedTotal").asInt(0)).as(name + " rejectedTotal").isZero();
            Map<String, Integer> counts = new LinkedHashMap<>();
            report.path("imported").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));

            // Warm-up pass (JIT, connection pool, caches), so that the measured latencies are the service's.
            for (Query q : queries) {
                recommend(base, q);
            }
            double p1 = 0, mrr = 0, r5 = 0;
            long[] latencies = new long[queries.size()];
            int i = 0;
            for (Query q : queries) {
                long start = System.nanoTime();
                List<String> ranked = recommend(base, q);
                latencies[i++] = System.nanoTime() - start;
                int rank = ranked.indexOf(q.expected());
                if (rank == 0) {
                    p1++;
                }
                if (rank >= 0 && rank < 5) {
                    r5++;
                }
                if (rank >= 0 && rank < 10) {
                    mrr += 1.0 / (rank + 1);
                }
            }
            int n = queries.size();
            Arrays.sort(latencies);
            return new Result(name, n, p1 / n, mrr / n, r5 / n, latencies[n / 2] / 1e6,
                    latencies[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
                    floorP50(base, queries.get(0).expected()), counts, importMs);
        }
    }

    private List<String> recommend(String base, Query q) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        if (q.systemId() != null) {
            body.put("systemId", q.systemId());
        }
        body.put("title", q.title());
        body.put("description", q.description());
        body.put("limit", 10);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/engineers/recommend"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("recommend " + q.id() + ": " + response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(response.body()).path("hits")) {
            ids.add(hit.path("engineerId").asString());
        }
        assertThat(ids).as("recommend " + q.id() + " hits").hasSizeLessThanOrEqualTo(10);
        return ids;
    }

    /**
     * p50 of a trivial authenticated call (GET one engineer): what any HTTP Basic request costs (HTTP, security
     * filters, password check) before recommend does any work.
     */
    private double floorP50(String base, String engineerId) throws IOException, InterruptedException {
        long[] t = new long[50];
        for (int i = -10; i < t.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/engineers/" + engineerId))
                    .header("Authorization", auth).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET engineer " + engineerId + ": " + r.body()).isEqualTo(200);
            if (i >= 0) {
                t[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(t);
        return t[t.length / 2] / 1e6;
    }

    private void awaitHealthy(String base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        fail("Switchboard at " + base + " never became healthy: " + last);
    }

    private static List<Query> loadQueries(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = JSON.readTree(line);
            queries.add(new Query(str(o, "id"), str(o, "systemId"), str(o, "title"),
                    str(o, "description") == null ? "" : str(o, "description"), str(o, "expected")));
        }
        return queries;
    }

    private static String str(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
