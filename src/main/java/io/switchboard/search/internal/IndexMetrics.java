package io.switchboard.search.internal;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The shape of the searchable index for /actuator/metrics: {@code switchboard.search.index.segments} and
 * {@code switchboard.search.index.documents}. Every search pays for each segment it visits, and near-real-time writes
 * make small segments faster than merges may fold them, so the segment count is what to watch when searches slow
 * down under a steady stream of resolved incidents. NaN while the index is not open.
 */
@Component
class IndexMetrics implements MeterBinder {
    private final LuceneEngineerIndex index;

    IndexMetrics(LuceneEngineerIndex index) {
        this.index = index;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("switchboard.search.index.segments", index, i -> shape(i, true))
                .description("segments a search visits").register(registry);
        Gauge.builder("switchboard.search.index.documents", index, i -> shape(i, false))
                .description("engineers and resolved incidents searchable").register(registry);
    }

    private static double shape(LuceneEngineerIndex index, boolean segments) {
        if (!index.isReady()) {
            return Double.NaN;
        }
        try {
            return index.withSearcher(s -> segments ? s.getIndexReader().leaves().size() : s.getIndexReader().numDocs());
        } catch (IllegalStateException closedMeanwhile) {
            return Double.NaN;
        }
    }
}
