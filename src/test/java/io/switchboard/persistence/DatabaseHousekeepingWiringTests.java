package io.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import io.switchboard.support.IntegrationTest;

/** The application's own pool leads to H2's file store, so the housekeeping beat has something to compact. */
@IntegrationTest
class DatabaseHousekeepingWiringTests {
    @Autowired
    DataSource dataSource;

    @Autowired
    HousekeepingSettings settings;

    @Test
    void findsTheFileStoreThroughThePool() throws SQLException {
        var store = DatabaseHousekeeping.fileStore(dataSource);
        assertThat(store).isNotNull();
        assertThat(store.getFileStore().getFileName()).endsWith("switchboard.mv.db");
    }

    @Test
    void beatsOnAThreadOfItsOwn() {
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("database-housekeeping"));
    }

    @Test
    void runsEverySecondRewritingAtMostOneMegabyte() {
        assertThat(settings).isEqualTo(new HousekeepingSettings(Duration.ofSeconds(1), 80, DataSize.ofMegabytes(1)));
    }
}
