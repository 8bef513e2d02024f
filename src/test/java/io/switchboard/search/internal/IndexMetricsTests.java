package io.switchboard.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class IndexMetricsTests {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void countsTheSearchableDocumentsAndSegmentsAndSaysNothingOnceTheIndexIsClosed() {
        Fixtures.FakeSource source = new Fixtures.FakeSource();
        int loaded = source.engineers.size() + source.incidents.size();
        LuceneEngineerIndex index = Fixtures.open(source, dir);
        new IndexMetrics(index).bindTo(registry);

        assertThat(gauge("switchboard.search.index.documents")).isEqualTo(loaded);
        double segments = gauge("switchboard.search.index.segments");
        assertThat(segments).isGreaterThanOrEqualTo(1);

        // a live write is searchable when it returns, so its document (and the segment it flushed) count at once
        index.addResolvedIncidents(List.of(Fixtures.incident("I99", "SYS-9", "Pod evicted", "Node out of memory",
                "Raised the limit", "E2", 1)));
        assertThat(gauge("switchboard.search.index.documents")).isEqualTo(loaded + 1);
        assertThat(gauge("switchboard.search.index.segments")).isEqualTo(segments + 1);

        index.close();
        assertThat(gauge("switchboard.search.index.documents")).isNaN();
        assertThat(gauge("switchboard.search.index.segments")).isNaN();
    }
}
