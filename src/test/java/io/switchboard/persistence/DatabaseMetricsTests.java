package io.switchboard.persistence;

import static io.switchboard.persistence.TestDatabases.h2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DatabaseMetricsTests {
    private static final HousekeepingSettings SETTINGS = new HousekeepingSettings(Duration.ofSeconds(1), 80,
            DataSize.ofMegabytes(64));

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theLiveShareFallsWithScatteredCommitsAndRisesAgainAfterHousekeeping() throws Exception {
        // RETENTION_TIME=0: a chunk with nothing live in it is freed at once, so what stays dead is what only
        // rewriting frees
        var dataSource = h2("jdbc:h2:file:" + dir.resolve("measured") + ";WRITE_DELAY=0;RETENTION_TIME=0");
        var housekeeping = new DatabaseHousekeeping(dataSource, SETTINGS);
        new DatabaseMetrics(dataSource, housekeeping).bindTo(registry);
        try (Connection db = dataSource.getConnection()) {
            db.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL, filler VARCHAR(200) NOT NULL)");
            db.createStatement().execute("INSERT INTO t SELECT x, 0, REPEAT('x', 200) FROM SYSTEM_RANGE(1, 40000)");
            double afterInsert = live();
            assertThat(size()).isEqualTo(Files.size(dir.resolve("measured.mv.db")));

            var random = new SplittableRandom(11);
            try (var update = db.prepareStatement("UPDATE t SET n = n + 1 WHERE id = ?")) {
                for (int i = 0; i < 3_000; i++) {
                    update.setInt(1, 1 + random.nextInt(40_000));
                    update.executeUpdate();
                }
            }
            double afterScatteredCommits = live();
            assertThat(afterScatteredCommits).isLessThan(afterInsert).isLessThan(0.8).isPositive();
            assertThat(size()).isEqualTo(Files.size(dir.resolve("measured.mv.db")));

            // a round empties chunks, and the next commit frees them
            for (int round = 0; round < 2; round++) {
                housekeeping.run();
                db.createStatement().execute("UPDATE t SET n = n + 1 WHERE id = 1");
            }
            assertThat(live()).isGreaterThanOrEqualTo(0.8).isLessThanOrEqualTo(1.0);
            assertThat(failures()).isZero();
        }
    }

    @Test
    void aDatabaseWithoutAFileHasNothingToMeasure() throws SQLException {
        var dataSource = h2("jdbc:h2:mem:metrics-in-memory;DB_CLOSE_DELAY=-1");
        new DatabaseMetrics(dataSource, new DatabaseHousekeeping(dataSource, SETTINGS)).bindTo(registry);
        assertThat(size()).isNaN();
        assertThat(live()).isNaN();
    }

    @Test
    void countsTheRoundsThatCouldNotCompact() throws SQLException {
        var dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenThrow(new SQLException("Database is already closed"));
        var housekeeping = new DatabaseHousekeeping(dataSource, SETTINGS);
        new DatabaseMetrics(dataSource, housekeeping).bindTo(registry);
        housekeeping.run();
        housekeeping.run();
        assertThat(failures()).isEqualTo(2);
        assertThat(size()).isNaN();
    }

    private double size() {
        return registry.get("switchboard.database.file.size").gauge().value();
    }

    private double live() {
        return registry.get("switchboard.database.file.live").gauge().value();
    }

    private double failures() {
        return registry.get("switchboard.database.housekeeping.failures").functionCounter().count();
    }
}
