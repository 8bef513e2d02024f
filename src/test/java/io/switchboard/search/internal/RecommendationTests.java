package io.switchboard.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.search.Certification;
import io.switchboard.search.IndexedEngineer;
import io.switchboard.search.IndexedIncident;
import io.switchboard.search.InvalidSearchException;
import io.switchboard.search.KnownSystem;
import io.switchboard.search.Reason;
import io.switchboard.search.RecommendRequest;
import io.switchboard.search.Recommendation;

class RecommendationTests {

    @TempDir
    Path dir;
    Fixtures.FakeSource source;
    LuceneEngineerIndex index;

    @BeforeEach
    void open() {
        source = new Fixtures.FakeSource();
        index = Fixtures.open(source, dir);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<Recommendation> recommend(String system, String title, String description) {
        return index.recommend(new RecommendRequest(system, null, title, description, 10, false, Set.of())).hits();
    }

    private static List<String> ids(List<Recommendation> hits) {
        return hits.stream().map(Recommendation::engineerId).toList();
    }

    private static Recommendation of(List<Recommendation> hits, String id) {
        return hits.stream().filter(h -> h.engineerId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void ranksTheExpertBeforeTheNovice() {
        List<Recommendation> hits = recommend("SYS-7", "Gateway lost connection", "The PLC is offline on the gateway");
        assertThat(ids(hits)).startsWith("E1");
        assertThat(ids(hits)).contains("E2");
        assertThat(ids(hits).indexOf("E1")).isLessThan(ids(hits).indexOf("E2"));

        Recommendation anna = hits.get(0);
        assertThat(anna.name()).isEqualTo("Anna Schmidt");
        assertThat(anna.reasons()).extracting(Reason::signal).contains("similar-incidents", "system-history",
                "declared-system");
        assertThat(anna.reasons()).extracting(Reason::detail)
                .anyMatch(d -> d.startsWith("Resolved 3 similar incidents (3 on Rotterdam SCADA gateway (SYS-7)), the last 12 days ago"))
                .anyMatch(d -> d.equals("Declared level 5 on Rotterdam SCADA gateway (SYS-7)"));
        assertThat(anna.reasons()).allMatch(r -> r.weight() > 0);
        assertThat(anna.score()).isGreaterThan(of(hits, "E2").score());
    }

    @Test
    void countsValidCertificationsOnlyAndExplainsThem() {
        IndexedEngineer valid = new IndexedEngineer("C1", "Valid Vera", null, List.of("Drives"), List.of(),
                List.of(new Certification("Siemens Sinamics", Instant.parse("2027-03-01T00:00:00Z"))), null, null,
                List.of(), "AVAILABLE");
        IndexedEngineer expired = new IndexedEngineer("C2", "Expired Erik", null, List.of("Drives"), List.of(),
                List.of(new Certification("Siemens Sinamics", Instant.parse("2026-01-01T00:00:00Z"))), null, null,
                List.of(), "AVAILABLE");
        index.upsertEngineers(List.of(valid, expired));

        List<Recommendation> hits = recommend(null, "Sinamics drive fault", "The Sinamics drive trips on overcurrent");
        assertThat(ids(hits)).containsSubsequence("C1", "C2");
        assertThat(of(hits, "C1").reasons()).extracting(Reason::detail)
                .contains("Certified: Siemens Sinamics (valid until 2027-03)");
        assertThat(of(hits, "C2").reasons()).extracting(Reason::signal).doesNotContain("certification");
    }

    @Test
    void explainsCertificationsAndProfileEntriesNamedOnlyByTheirProductCode() {
        var line = new KnownSystem("SYS-31", "Press line", "S7-1200", "v1.0", "C9", "Graz", 2);
        index.upsertEngineers(List.of(new IndexedEngineer("P1", "Petra Code", null, List.of("Welding robots"),
                List.of(line), List.of(new Certification("Expert S7-1200 advanced", Instant.parse("2020-01-01T00:00:00Z")),
                        new Certification("Expert S7-1200", null)),
                null, null, List.of(), "AVAILABLE")));

        Recommendation petra = of(recommend(null, "CPU fault", "The S7-1200 shows a red light"), "P1");

        assertThat(petra.name()).isEqualTo("Petra Code");
        assertThat(petra.reasons()).extracting(Reason::detail)
                .contains("Certified: Expert S7-1200 (no expiry)", "Profile matches: S7-1200");
    }

    @Test
    void aResolvedIncidentTeachesTheNextRecommendationAtOnce() {
        index.upsertEngineers(List.of(new IndexedEngineer("E9", "Nina Fresh", null, List.of(), List.of(), List.of(),
                null, null, List.of(), "AVAILABLE")));
        assertThat(ids(recommend("SYS-42", "Turbine vibration sensor drift", "vibration readings drift"))).doesNotContain("E9");

        index.addResolvedIncidents(List.of(new IndexedIncident("N1", "SYS-42", "Wind park 4", null,
                "Turbine vibration sensor drift", "Vibration sensor readings drift after rain", "Recalibrated sensor",
                "E9", Fixtures.NOW.minusSeconds(3600))));

        List<Recommendation> hits = recommend("SYS-42", "Vibration sensor drifting", "turbine vibration readings drift");
        assertThat(ids(hits)).startsWith("E9");
        assertThat(hits.get(0).reasons()).extracting(Reason::detail)
                .anyMatch(d -> d.contains("Resolved 1 incident on Wind park 4 (SYS-42)"));
    }

    @Test
    void recommendsResolversUnknownToTheEngineerIndex() {
        index.addResolvedIncidents(List.of(new IndexedIncident("G1", "SYS-5", null, null, "Chiller alarm",
                "Chiller compressor alarm", "Reset compressor", "GHOST", Fixtures.NOW)));
        List<Recommendation> hits = recommend("SYS-5", "Chiller compressor alarm", "");
        assertThat(hits.get(0).engineerId()).isEqualTo("GHOST");
        assertThat(hits.get(0).name()).isEqualTo("GHOST");
    }

    @Test
    void honoursAvailabilityAndExclusions() {
        List<Recommendation> available = index.recommend(new RecommendRequest("SYS-7", null, "PLC gateway offline", "",
                10, true, Set.of())).hits();
        assertThat(ids(available)).contains("E1").doesNotContain("E2", "E4");

        List<Recommendation> excluded = index.recommend(new RecommendRequest("SYS-7", null, "PLC gateway offline", "",
                10, false, Set.of("E1"))).hits();
        assertThat(ids(excluded)).doesNotContain("E1").contains("E2");
    }

    @Test
    void usesDeclaredKnowledgeWithoutHistory() {
        List<Recommendation> hits = recommend("SYS-9", "Line stopped", "The line stopped");
        assertThat(ids(hits)).startsWith("E3");
        assertThat(hits.get(0).reasons()).extracting(Reason::detail)
                .contains("Declared level 3 on Hamburg MES line (SYS-9)");
        List<Recommendation> byProduct = index.recommend(new RecommendRequest("SYS-99", "S7-1500", "CPU in stop", "",
                5, false, Set.of())).hits();
        assertThat(ids(byProduct)).startsWith("E3");
    }

    @Test
    void matchesProfilesWhenThereIsNoHistory() {
        List<Recommendation> hits = recommend(null, "HMI screen frozen", "The HMI panel does not respond");
        assertThat(ids(hits)).startsWith("E4");
        assertThat(hits.get(0).reasons()).extracting(Reason::detail).contains("Profile matches: HMI");
    }

    @Test
    void rejectsOutOfRangeRequests() {
        assertThatThrownBy(() -> index.recommend(new RecommendRequest("SYS-7", null, "x", "y", 10_000, false, Set.of())))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("limit");
        assertThat(index.recommend(new RecommendRequest(null, null, null, null, 0, false, null)).hits()).isNotNull();
    }

    @Test
    void liftsTheIncidentsOwnSystemIntoTheSimilarIncidentsWhenOtherSystemsMatchMoreWords(@TempDir Path lifted,
            @TempDir Path unlifted) {
        source.incidents.add(Fixtures.incident("X1", "SYS-9", "Pump vibration alarm", "Pump vibration alarm at night",
                "Balanced the impeller", "E3", 5));
        source.incidents.add(Fixtures.incident("X2", "SYS-9", "Pump vibration alarm again", "Pump vibration alarm",
                "Replaced a bearing", "E3", 6));
        source.incidents.add(Fixtures.incident("X3", "SYS-7", "Vibration", "Some vibration noted", "Tightened mounts",
                "E2", 7));
        // two retrieved incidents: on words alone both come from SYS-9
        assertThat(similarIncidentSignal(lifted, "10", "E2")).isTrue();
        assertThat(similarIncidentSignal(unlifted, "0", "E2")).isFalse();
    }

    private boolean similarIncidentSignal(Path dir, String lift, String engineer) {
        try (LuceneEngineerIndex two = new LuceneEngineerIndex(TestSettings.with(Map.of(
                "switchboard.search.recommend.similar-incidents", "2",
                "switchboard.search.recommend.system-retrieval-boost", lift)), source, Fixtures.CLOCK, dir)) {
            two.open();
            List<Recommendation> hits = two.recommend(new RecommendRequest("SYS-7", null, "Pump vibration alarm", null,
                    10, false, Set.of())).hits();
            return hits.stream().filter(h -> h.engineerId().equals(engineer)).flatMap(h -> h.reasons().stream())
                    .anyMatch(r -> r.signal().equals("similar-incidents"));
        }
    }
}
