package io.switchboard.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.search.EngineerSearch;
import io.switchboard.search.EngineerSearchResult;
import io.switchboard.search.GeoPoint;
import io.switchboard.search.IndexedEngineer;
import io.switchboard.search.InvalidSearchException;
import io.switchboard.search.SearchHit;
import io.switchboard.search.Suggestion;

class EngineerSearchTests {

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

    private List<String> ids(String q) {
        return ids(index.search(EngineerSearch.of(q)));
    }

    private static List<String> ids(EngineerSearchResult r) {
        return r.hits().stream().map(SearchHit::engineerId).toList();
    }

    private static EngineerSearch search(String q, boolean validOnly) {
        return new EngineerSearch(q, null, null, null, null, null, validOnly, 0, 0);
    }

    @Test
    void forgivesTyposInLongerWords() {
        assertThat(ids("Schmdt")).containsExactly("E1");
        assertThat(ids("kubernets")).containsExactly("E3");
        assertThat(ids("Profinte")).containsExactly("E1");
    }

    @Test
    void findsSynonyms() {
        assertThat(ids("plc")).containsExactlyInAnyOrder("E1", "E2");
        assertThat(ids("\"programmable logic controller\"")).containsExactlyInAnyOrder("E1", "E2");
        assertThat(ids("plc anna")).containsExactly("E1");
    }

    @Test
    void matchesExactPhrasesOnly() {
        assertThat(ids("\"logic controller\"")).containsExactly("E2");
        assertThat(ids("\"controller logic\"")).isEmpty();
    }

    @Test
    void understandsFieldSyntax() {
        assertThat(ids("skill:kubernetes")).containsExactly("E3");
        assertThat(ids("system:SYS-7")).containsExactlyInAnyOrder("E1", "E2");
        assertThat(ids("name:anna")).containsExactly("E1");
        assertThat(ids("cert:siemens")).containsExactlyInAnyOrder("E1", "E2");
        assertThat(ids("skill:plc system:SYS-7 \"anna schmidt\"")).containsExactly("E1");
        assertThat(ids("status:busy")).containsExactly("E2");
    }

    @Test
    void keepsProductAndVersionCodesWhole() {
        assertThat(ids("S7-1500")).containsExactly("E3");
        assertThat(ids("product:s7-1500")).containsExactly("E3");
        assertThat(ids("v4.2.1")).containsExactlyInAnyOrder("E1", "E2");
        assertThat(ids("scada-gw")).containsExactlyInAnyOrder("E1", "E2");
    }

    @Test
    void filtersOnValidCertificationsAtNow() {
        assertThat(ids(index.search(search("cert:siemens", true)))).containsExactly("E1");
        assertThat(ids(index.search(search(null, true)))).containsExactlyInAnyOrder("E1", "E3");
    }

    @Test
    void filtersOnSystemSkillAndStatus() {
        assertThat(ids(index.search(new EngineerSearch(null, "sys-7", null, null, null, null, false, 0, 0))))
                .containsExactlyInAnyOrder("E1", "E2");
        assertThat(ids(index.search(new EngineerSearch(null, null, "programmable logic controller", null, null, null,
                false, 0, 0)))).containsExactly("E2");
        assertThat(ids(index.search(new EngineerSearch(null, null, null, "AVAILABLE", null, null, false, 0, 0))))
                .containsExactlyInAnyOrder("E1", "E3");
    }

    @Test
    void countsFacetsOverAllMatches() {
        EngineerSearchResult r = index.search(new EngineerSearch(null, null, null, null, null, null, false, 1, 0));
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.hits()).hasSize(1);
        assertThat(r.facets().get("status")).containsEntry("AVAILABLE", 2L).containsEntry("BUSY", 1L)
                .containsEntry("OFF_DUTY", 1L);
        assertThat(r.facets().get("systems")).containsEntry("SYS-7", 2L).containsEntry("SYS-9", 1L);
        assertThat(r.facets().get("skills")).containsEntry("PLC", 1L).containsEntry("Kubernetes", 1L).hasSize(8);

        EngineerSearchResult plc = index.search(EngineerSearch.of("plc"));
        assertThat(plc.facets().get("status")).containsOnlyKeys("AVAILABLE", "BUSY");
    }

    @Test
    void keepsTheMostFrequentFacetValuesMostFirstTiesByName(@TempDir Path other) {
        try (LuceneEngineerIndex two = new LuceneEngineerIndex(
                TestSettings.with(Map.of("switchboard.search.query.facet-values", "2")), source, Fixtures.CLOCK, other)) {
            two.open();
            Map<String, Map<String, Long>> facets = two.search(EngineerSearch.of(null)).facets();
            assertThat(facets.get("status")).containsExactly(Map.entry("AVAILABLE", 2L), Map.entry("BUSY", 1L));
            assertThat(facets.get("systems")).containsExactly(Map.entry("SYS-7", 2L), Map.entry("SYS-9", 1L));
            assertThat(facets.get("skills")).containsExactly(Map.entry("Electrical", 1L), Map.entry("HMI", 1L));
        }
    }

    @Test
    void sortsByDistanceAndFiltersByRadius() {
        EngineerSearchResult r = index.search(new EngineerSearch(null, null, null, null, Fixtures.ROTTERDAM, null, false,
                0, 0));
        assertThat(ids(r)).containsExactly("E1", "E2", "E4", "E3");
        assertThat(r.hits().get(0).distanceKm()).isEqualTo(0.0);
        assertThat(r.hits().get(1).distanceKm()).isBetween(50.0, 65.0);

        EngineerSearchResult near = index.search(new EngineerSearch(null, null, null, null, Fixtures.ROTTERDAM, 100.0,
                false, 0, 0));
        assertThat(ids(near)).containsExactly("E1", "E2");
        assertThat(near.total()).isEqualTo(2);
    }

    @Test
    void pagesThroughResults() {
        EngineerSearch first = new EngineerSearch(null, null, null, null, Fixtures.ROTTERDAM, null, false, 2, 0);
        EngineerSearch second = new EngineerSearch(null, null, null, null, Fixtures.ROTTERDAM, null, false, 2, 2);
        EngineerSearchResult a = index.search(first);
        EngineerSearchResult b = index.search(second);
        assertThat(a.total()).isEqualTo(4);
        assertThat(b.total()).isEqualTo(4);
        assertThat(ids(a)).containsExactly("E1", "E2");
        assertThat(ids(b)).containsExactly("E4", "E3");
        assertThat(ids(index.search(new EngineerSearch(null, null, null, null, null, null, false, 2, 10)))).isEmpty();
    }

    @Test
    void highlightsWhatMatched() {
        SearchHit hit = index.search(EngineerSearch.of("profinet")).hits().get(0);
        assertThat(hit.highlights()).containsKey("skills");
        assertThat(hit.highlights().get("skills")).anyMatch(s -> s.contains("<em>Profinet</em>"));
        assertThat(hit.reasons()).contains("Matches skills");
    }

    @Test
    void highlightsWordsFoundThroughATypoAPrefixOrAPhrase() {
        SearchHit typo = index.search(EngineerSearch.of("Profinte")).hits().get(0);
        assertThat(typo.highlights().get("skills")).anyMatch(s -> s.contains("<em>Profinet</em>"));
        SearchHit name = index.search(EngineerSearch.of("Schmdt")).hits().get(0);
        assertThat(name.highlights().get("name")).containsExactly("Anna <em>Schmidt</em>");
        SearchHit prefix = index.search(EngineerSearch.of("kube*")).hits().get(0);
        assertThat(prefix.highlights().get("skills")).anyMatch(s -> s.contains("<em>Kubernetes</em>"));
        SearchHit phrase = index.search(EngineerSearch.of("\"logic controller\"")).hits().get(0);
        assertThat(phrase.highlights().get("skills"))
                .anyMatch(s -> s.contains("<em>Logic</em> <em>Controller</em>") || s.contains("<em>Logic Controller</em>"));
    }

    @Test
    void rejectsBadQueriesWithAReason() {
        assertThatThrownBy(() -> ids("\"unbalanced quote")).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("quotes");
        assertThatThrownBy(() -> ids("*ada")).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("wildcard");
        assertThatThrownBy(() -> ids("x".repeat(1001))).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> ids("colour:red")).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("Unknown field 'colour'");
        assertThatThrownBy(() -> ids("plc AND (")).isInstanceOf(InvalidSearchException.class);
        assertThatThrownBy(() -> ids("word ".repeat(100))).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("Too many");
        assertThatThrownBy(() -> ids("/reg.*ex/")).isInstanceOf(InvalidSearchException.class);
        assertThatThrownBy(() -> index.search(new EngineerSearch(null, null, null, null, new GeoPoint(91, 4), null,
                false, 0, 0))).isInstanceOf(InvalidSearchException.class).hasMessageContaining("latitude");
        assertThatThrownBy(() -> index.search(new EngineerSearch(null, null, null, null, new GeoPoint(50, 181), 10.0,
                false, 0, 0))).isInstanceOf(InvalidSearchException.class);
        assertThatThrownBy(() -> index.search(new EngineerSearch(null, null, null, null, null, null, false, 1000, 0)))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> index.search(new EngineerSearch(null, null, null, null, null, null, false, 10, -1)))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("offset");
    }

    @Test
    void allowsTrailingWildcards() {
        assertThat(ids("kube*")).containsExactly("E3");
    }

    @Test
    void suggestReflectsChangesWithoutRebuild() {
        assertThat(index.suggest("ann", 10)).containsExactly(new Suggestion("Anna Schmidt", "ENGINEER", "E1"));
        index.upsertEngineers(List.of(new IndexedEngineer("E5", "Annika Berg", null, List.of("Annealing"), List.of(),
                List.of(), null, null, List.of(), "AVAILABLE")));
        assertThat(index.suggest("ann", 10)).extracting(Suggestion::text)
                .containsExactlyInAnyOrder("Anna Schmidt", "Annika Berg", "Annealing");
        assertThat(index.suggest("schm", 10)).extracting(Suggestion::id).containsExactly("E1");
        assertThat(index.suggest("kub", 10)).containsExactly(new Suggestion("Kubernetes", "SKILL", null));
        assertThat(index.suggest("rotterdam", 10)).contains(new Suggestion("Rotterdam SCADA gateway", "SYSTEM", "SYS-7"));
        assertThat(index.suggest("sys-9", 10)).extracting(Suggestion::id).containsExactly("SYS-9");

        index.deleteEngineer("E5");
        assertThat(index.suggest("ann", 10)).extracting(Suggestion::text).containsExactly("Anna Schmidt");
        assertThat(ids("annika")).isEmpty();
    }

    @Test
    void upsertReplacesAnEngineerAndIsSearchableAtOnce() {
        IndexedEngineer busyAnna = new IndexedEngineer("E1", "Anna Schmidt", null, List.of("PLC"), List.of(), List.of(),
                Fixtures.ROTTERDAM, null, List.of(), "BUSY");
        index.upsertEngineers(List.of(busyAnna));
        assertThat(ids("status:busy")).containsExactlyInAnyOrder("E1", "E2");
        assertThat(index.search(EngineerSearch.of(null)).total()).isEqualTo(4);
    }
}
