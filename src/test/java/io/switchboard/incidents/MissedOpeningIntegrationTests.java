package io.switchboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.directory.Directory;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.support.MutableClock;

/**
 * An incident whose IncidentOpened event never reached routing (a failed listener, a crash between the commit and
 * the event being stored as handled) does not stay OPEN: the routing sweep starts it.
 */
@IntegrationTest
class MissedOpeningIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    Incidents incidents;

    @Autowired
    Directory directory;

    @Autowired
    SlaSettings sla;

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anIncidentLeftOpenWithoutItsEventIsRoutedByTheSweep() {
        var fixtures = new Fixtures(port);
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 5);
        String customerId = directory.findSystem(system).orElseThrow().customerId();
        String id = Fixtures.unique("INC-MISSED");
        // stored as the service stores it, but without publishing IncidentOpened
        transactions.executeWithoutResult(status -> incidents.save(Incident.open(id, system, customerId,
                new OpenIncident(id, system, Severity.SEV3, "Silent " + Fixtures.nonsenseWord(), "nobody heard of it"),
                sla.target(Severity.SEV3), clock.instant(), "test")));
        assertThat(status(id)).isEqualTo(IncidentStatus.OPEN);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(id)).isEqualTo(IncidentStatus.ROUTING));
        var offered = fixtures.as(fixtures.engineerUser(engineer)).get("/api/me/offers").json()
                .findValuesAsString("incidentId");
        assertThat(offered).contains(id);
    }

    private IncidentStatus status(String id) {
        return transactions.execute(tx -> incidents.findById(id).orElseThrow().status());
    }
}
