package io.switchboard.persistence;

import java.sql.SQLException;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The database file for /actuator/metrics: {@code switchboard.database.file.size} (bytes),
 * {@code switchboard.database.file.live} (the share of its chunks that is live data, 0 to 1) and
 * {@code switchboard.database.housekeeping.failures} (rounds of {@link DatabaseHousekeeping} that could not compact).
 * A file that keeps growing while its live share stays low is one the housekeeping does not keep up with, which only
 * these show before the disk fills up. The gauges are NaN for a database without a file, or while it cannot be reached.
 */
@Component
class DatabaseMetrics implements MeterBinder {
    private final DataSource dataSource;
    private final DatabaseHousekeeping housekeeping;

    DatabaseMetrics(DataSource dataSource, DatabaseHousekeeping housekeeping) {
        this.dataSource = dataSource;
        this.housekeeping = housekeeping;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("switchboard.database.file.size", this, m -> m.read(store -> store.getFileStore().size()))
                .baseUnit(BaseUnits.BYTES).description("size of the database file").strongReference(true).register(registry);
        Gauge.builder("switchboard.database.file.live", this,
                        m -> m.read(store -> store.getFileStore().getChunksFillRate() / 100.0))
                .description("share of the database file's chunks that is live data").strongReference(true)
                .register(registry);
        FunctionCounter.builder("switchboard.database.housekeeping.failures", housekeeping,
                        DatabaseHousekeeping::failedRounds)
                .description("housekeeping rounds that could not compact the database file").register(registry);
    }

    private double read(ToDoubleFunction<MVStore> measure) {
        try {
            MVStore store = DatabaseHousekeeping.fileStore(dataSource);
            return store == null ? Double.NaN : measure.applyAsDouble(store);
        } catch (SQLException | RuntimeException closedOrBusy) {
            return Double.NaN;
        }
    }
}
