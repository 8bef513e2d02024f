package io.switchboard.persistence;

import static io.switchboard.persistence.TestDatabases.h2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class DatabaseHousekeepingTests {
    private static final HousekeepingSettings SETTINGS = new HousekeepingSettings(Duration.ofSeconds(1), 80,
            DataSize.ofMegabytes(64));

    @TempDir
    Path dir;

    @Test
    void rewritingMostlyDeadChunksKeepsTheFileFromGrowingWithEveryCommit() throws Exception {
        long kept = fileAfterScatteredCommits("kept", true);
        long left = fileAfterScatteredCommits("left", false);
        assertThat(kept).isLessThan(left / 2);
    }

    /**
     * The size of a database file after rounds of commits that each change one row somewhere in a table, with or
     * without a housekeeping round after each. RETENTION_TIME=0 frees a chunk as soon as nothing in it is live, so what
     * stays is what only rewriting frees.
     */
    private long fileAfterScatteredCommits(String name, boolean housekeeping) throws SQLException {
        var dataSource = h2("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0");
        var housekeeper = new DatabaseHousekeeping(dataSource, SETTINGS);
        try (Connection db = dataSource.getConnection()) {
            db.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL, filler VARCHAR(200) NOT NULL)");
            db.createStatement().execute("INSERT INTO t SELECT x, 0, REPEAT('x', 200) FROM SYSTEM_RANGE(1, 40000)");
            var random = new SplittableRandom(7);
            try (var update = db.prepareStatement("UPDATE t SET n = n + 1 WHERE id = ?")) {
                for (int round = 0; round < 6; round++) {
                    for (int i = 0; i < 1_000; i++) {
                        update.setInt(1, 1 + random.nextInt(40_000));
                        update.executeUpdate();
                    }
                    if (housekeeping) {
                        housekeeper.run();
                    }
                }
            }
            try (var rows = db.createStatement().executeQuery("SELECT COUNT(*), SUM(n) FROM t")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(40_000);
                assertThat(rows.getLong(2)).as("every update still there").isEqualTo(6_000);
            }
            return DatabaseHousekeeping.fileStore(dataSource).getFileStore().size();
        }
    }

    @Test
    void eachRoundCompactsWithinItsLimitThenPutsTheWritesOnTheDisk() {
        var store = mock(MVStore.class);
        new DatabaseHousekeeping(mock(DataSource.class), SETTINGS).tend(store);
        var order = inOrder(store);
        order.verify(store).compact(80, 64 * 1024 * 1024);
        order.verify(store).sync();
    }

    @Test
    void leavesADatabaseWithoutAFileAlone() throws SQLException {
        var dataSource = h2("jdbc:h2:mem:housekeeping-in-memory;DB_CLOSE_DELAY=-1");
        assertThat(DatabaseHousekeeping.fileStore(dataSource)).isNull();
        assertThatCode(() -> new DatabaseHousekeeping(dataSource, SETTINGS).run()).doesNotThrowAnyException();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsTriedAgainOnTheNextBeat() throws SQLException {
        var dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenThrow(new SQLException("Database is already closed"));
        assertThatCode(() -> new DatabaseHousekeeping(dataSource, SETTINGS).run()).doesNotThrowAnyException();
    }
}
