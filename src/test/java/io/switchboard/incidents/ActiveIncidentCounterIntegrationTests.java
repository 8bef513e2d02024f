package io.switchboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.directory.EngineerWorkload;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

@IntegrationTest
class ActiveIncidentCounterIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    EngineerWorkload workload;

    @Test
    void countsOnlyTheAssignedIncidentsOfTheEngineersAskedFor() {
        var fixtures = new Fixtures(port);
        var admin = fixtures.admin();
        var dispatcher = fixtures.as(fixtures.dispatcherUser());
        String system = fixtures.system(fixtures.customer());
        String twice = fixtures.engineer(system, 1, 10);
        String resolvedOnly = fixtures.engineer(system, 1, 10);
        String idle = fixtures.engineer(system, 1, 10);
        for (String engineer : List.of(twice, twice, resolvedOnly)) {
            String incident = fixtures.quietIncident(admin, system, "SEV4");
            assertThat(dispatcher.post("/api/incidents/" + incident + "/assign", "{\"engineerId\":\"" + engineer + "\"}")
                    .status()).isEqualTo(200);
            if (engineer.equals(resolvedOnly)) {
                assertThat(dispatcher.post("/api/incidents/" + incident + "/resolve", "{\"resolution\":\"done\"}")
                        .status()).isEqualTo(200);
            }
        }

        assertThat(workload.activeIncidents(List.of(twice, resolvedOnly, idle))).isEqualTo(Map.of(twice, 2));
        assertThat(workload.activeIncidents(List.of(twice))).isEqualTo(Map.of(twice, 2));
        assertThat(workload.activeIncidents(List.of(idle))).isEmpty();
    }
}
