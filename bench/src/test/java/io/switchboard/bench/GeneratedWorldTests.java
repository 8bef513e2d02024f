package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data generator: what it writes is whole, consistent NDJSON for POST /api/import, the same for the same seed, and
 * skewed like real expertise. (That the server takes every line is shown by {@link LoadDriverIntegrationTests}.)
 */
class GeneratedWorldTests {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
        var params = new World.Params(7, 3, 40, 300);
        Path first = dir.resolve("a.ndjson"), second = dir.resolve("b.ndjson"), other = dir.resolve("c.ndjson");

        GenerateData.write(new World(params), first);
        GenerateData.write(new World(params), second);
        GenerateData.write(new World(new World.Params(8, 3, 40, 300)), other);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(Files.mismatch(first, other)).isNotEqualTo(-1L);
    }

    @Test
    void everyLineIsARecordWhoseReferencesCameBeforeIt() throws IOException {
        Path file = dir.resolve("world.ndjson");
        long lines = GenerateData.write(new World(new World.Params(42, 5, 60, 500)), file);

        Map<String, Set<String>> ids = new HashMap<>();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode record = JSON.readTree(line);
            records.add(record);
            String type = record.path("type").asString();
            assertThat(ids.computeIfAbsent(type, t -> new HashSet<>()).add(record.path("id").asString()))
                    .as("unique id %s", line).isTrue();
            switch (type) {
                case "customer" -> assertThat(record.path("name").asString()).isNotBlank();
                case "system" -> {
                    assertThat(ids.get("customer")).contains(record.path("customerId").asString());
                    assertThat(record.path("product").asString()).isNotBlank();
                    assertThat(record.path("site").path("lat").asDouble()).isBetween(-90.0, 90.0);
                }
                case "engineer" -> {
                    assertThat(record.path("systems").size()).isBetween(1, 7);
                    record.path("systems").forEach(level -> {
                        assertThat(ids.get("system")).contains(level.path("systemId").asString());
                        assertThat(level.path("level").asInt()).isBetween(1, 5);
                    });
                    assertThat(record.path("skills").size()).isPositive();
                    assertThat(record.path("email").asString()).contains("@");
                    assertThat(record.path("maxActive").asInt()).isBetween(2, 5);
                }
                case "incident" -> {
                    assertThat(ids.get("system")).contains(record.path("systemId").asString());
                    assertThat(ids.get("engineer")).contains(record.path("resolvedBy").asString());
                    assertThat(record.path("title").asString()).isNotBlank();
                    assertThat(record.path("resolution").asString()).isNotBlank();
                    assertThat(Instant.parse(record.path("resolvedAt").asString()))
                            .isAfter(Instant.parse(record.path("openedAt").asString()));
                }
                default -> throw new AssertionError("unknown type in " + line);
            }
        }
        assertThat(lines).isEqualTo(records.size());
        assertThat(ids.get("customer")).hasSize(5);
        assertThat(ids.get("engineer")).hasSize(60);
        assertThat(ids.get("incident")).hasSize(500);
        // the import's order: what a line refers to is on an earlier line (checked above), by type in blocks
        assertThat(records.stream().map(r -> r.path("type").asString()).distinct().toList())
                .containsExactly("customer", "system", "engineer", "incident");
    }

    @Test
    void textWithQuotesBackslashesAndControlCharactersSurvivesTheRoundTrip() {
        String text = "say \"hi\" \\ path C:\\x\nnext line\ttab \u0001 bell, and Zürich ✓";

        assertThat(JSON.readTree(GenerateData.q(text)).asString()).isEqualTo(text);
    }

    @Test
    void aFewEngineersResolveMostOfASystemsIncidentsAndAFewSystemsHaveMostIncidents() {
        var world = new World(new World.Params(42, 10, 300, 20_000));
        Map<String, List<World.Incident>> bySystem = new HashMap<>();
        int byOutsiders = 0;
        for (long i = 0; i < world.params.incidents(); i++) {
            var incident = world.incident(i);
            bySystem.computeIfAbsent(incident.system().id(), s -> new ArrayList<>()).add(incident);
            if (incident.resolvedBy().systems().stream().noneMatch(l -> l.system().id().equals(incident.system().id()))) {
                byOutsiders++;
            }
        }

        // a few noisy systems: the busiest tenth has far more than a tenth of the incidents
        var sizes = bySystem.values().stream().map(List::size).sorted((a, b) -> b - a).toList();
        int busiestTenth = sizes.stream().limit(Math.max(1, world.systems.size() / 10)).mapToInt(Integer::intValue).sum();
        assertThat(busiestTenth / (double) world.params.incidents()).isGreaterThan(0.4);

        // per system, the three engineers who resolve most resolve most of it (evenly spread it would be about a
        // quarter: a system busy enough to count is declared by a dozen or so)
        var topThreeShares = bySystem.entrySet().stream().filter(e -> e.getValue().size() >= 100).map(e -> {
            var perResolver = e.getValue().stream().collect(Collectors.groupingBy(x -> x.resolvedBy().id(),
                    Collectors.counting())).values();
            return topThree(perResolver) / (double) e.getValue().size();
        }).sorted().toList();
        assertThat(topThreeShares).hasSizeGreaterThan(10);
        assertThat(topThreeShares.get(topThreeShares.size() / 2)).as("median share of the top three").isGreaterThan(0.5);
        var declaredPerSystem = world.engineers.stream().flatMap(e -> e.systems().stream())
                .collect(Collectors.groupingBy(l -> l.system().id(), Collectors.counting()));
        assertThat(bySystem.keySet().stream().filter(s -> bySystem.get(s).size() >= 100)
                .mapToLong(s -> declaredPerSystem.getOrDefault(s, 0L)).average().orElse(0)).isGreaterThan(6);

        // and now and then someone who never declared the system (about 8%)
        assertThat(byOutsiders / (double) world.params.incidents()).isBetween(0.05, 0.12);
    }

    private static long topThree(Collection<Long> counts) {
        return counts.stream().sorted((a, b) -> Long.compare(b, a)).limit(3).mapToLong(Long::longValue).sum();
    }
}
