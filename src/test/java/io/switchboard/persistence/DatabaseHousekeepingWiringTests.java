package io.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

/** The application's own pool leads to H2's file store, so the housekeeping beat has something to compact. */
@IntegrationTest
class DatabaseHousekeepingWiringTests {
    @Autowired
    DataSource dataSource;

    @Autowired
    HousekeepingSettings settings;

    @LocalServerPort
    int port;

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

    @Test
    void theFileIsMeasuredOnActuatorMetricsForAdminsOnly() throws SQLException {
        var fixtures = new Fixtures(port);
        var size = fixtures.admin().get("/actuator/metrics/switchboard.database.file.size");
        assertThat(size.status()).as(size.toString()).isEqualTo(200);
        assertThat(size.json().path("baseUnit").asString()).isEqualTo("bytes");
        assertThat(size.json().path("measurements").get(0).path("value").asDouble())
                .isEqualTo(DatabaseHousekeeping.fileStore(dataSource).getFileStore().size(), within(1e6));
        var live = fixtures.admin().get("/actuator/metrics/switchboard.database.file.live");
        assertThat(live.json().path("measurements").get(0).path("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(fixtures.admin().get("/actuator/metrics/switchboard.database.housekeeping.failures").status())
                .isEqualTo(200);

        var dispatcher = fixtures.as(fixtures.dispatcherUser());
        assertThat(dispatcher.get("/actuator/metrics/switchboard.database.file.size").status()).isEqualTo(403);
        var customer = fixtures.as(fixtures.customerUser(fixtures.customer()));
        assertThat(customer.get("/actuator/metrics/switchboard.database.file.size").status()).isEqualTo(403);
        assertThat(fixtures.anonymous().get("/actuator/metrics/switchboard.database.file.size").status()).isEqualTo(401);
    }
}
