package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventSerializer;

import io.switchboard.incidents.IncidentUpdated;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.support.MutableClock;
import io.switchboard.support.StoredPublications;

import static org.awaitility.Awaitility.await;

/**
 * Only the reactions that must survive a crash and have no other way back are kept in Spring Modulith's event
 * publication registry: withdrawing offers once a dispatcher assigned or resolved an incident that was still ringing.
 * Starting to route a new incident is not among them (the sweep routes any incident still OPEN), nor is feeding the
 * search index (an index the server did not close is rebuilt at start), nor are live messages and in-memory counters
 * (a client that was away reads the state over REST). An accept withdraws the other offers itself, and an assigned
 * incident has none left when it is resolved, so an incident that goes the usual way stores no publication at all.
 */
@IntegrationTest
class DurableReactionsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventSerializer serializer;

    @Autowired
    MutableClock clock;

    @Test
    void anIncidentOfferedAcceptedAndResolvedStoresNoEventPublication() throws Exception {
        var fixtures = new Fixtures(port);
        var scenario = new RoutingScenario(port, fixtures);
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 5, 10);
        var engineerApi = fixtures.as(scenario.engineerUser(engineer));
        try (var stored = StoredPublications.install(jdbc); var client = scenario.connect(scenario.userOf(engineer))) {
            var offers = client.subscribe("/user/queue/offers");
            String incident = fixtures.quietIncident(fixtures.admin(), system, "SEV3");
            // the OFFER frame arriving shows the live messages still go out
            String offer = RoutingScenario.nextFor(offers, "OFFER", incident).path("offerId").asString();
            assertThat(engineerApi.post("/api/offers/" + offer + "/accept", "").status()).isEqualTo(200);
            assertThat(engineerApi.post("/api/incidents/" + incident + "/resolve", "{\"resolution\":\"swapped it\"}")
                    .status()).isEqualTo(200);

            assertThat(reactionsStored(stored, incident)).isEmpty();
        }
    }

    @Test
    void aDispatcherAssigningARingingIncidentStoresTheWithdrawalUntilItRanThenDeletesItWithoutUpdates() throws Exception {
        var fixtures = new Fixtures(port);
        var scenario = new RoutingScenario(port, fixtures);
        String system = fixtures.system(fixtures.customer());
        String ringing = fixtures.engineer(system, 5, 10);
        String chosen = fixtures.engineer(system, 1, 10);
        try (var stored = StoredPublications.install(jdbc); var client = scenario.connect(scenario.engineerUser(ringing))) {
            var offers = client.subscribe("/user/queue/offers");
            String incident = fixtures.quietIncident(fixtures.admin(), system, "SEV3");
            RoutingScenario.nextFor(offers, "OFFER", incident);

            assertThat(fixtures.admin().post("/api/incidents/" + incident + "/assign",
                    "{\"engineerId\":\"" + chosen + "\"}").status()).isEqualTo(200);

            RoutingScenario.nextFor(offers, "OFFER_WITHDRAWN", incident);
            await().atMost(Duration.ofSeconds(10)).until(() -> remaining(incident) == 0);
            assertThat(reactionsStored(stored, incident)).containsExactly("IncidentUpdated -> RoutingTriggers");
            assertThat(stored.updatedMentioning(incident)).as("no PROCESSING or COMPLETED marks: one commit less each")
                    .isEmpty();
        }
    }

    @Test
    void anIncidentCommittedOpenWhoseRoutingNeverStartedIsOfferedByTheSweep() throws Exception {
        var fixtures = new Fixtures(port);
        var scenario = new RoutingScenario(port, fixtures);
        String customer = fixtures.customer();
        String system = fixtures.system(customer);
        String engineer = fixtures.engineer(system, 5, 10);
        try (var client = scenario.connect(scenario.engineerUser(engineer))) {
            var offers = client.subscribe("/user/queue/offers");
            // what a crash right after the opening's commit leaves: the row, and no event anywhere
            String incident = Fixtures.unique("INC");
            jdbc.update("insert into incident (id, system_id, customer_id, severity, title, description, status, "
                    + "opened_at, historical, version) values (?, ?, ?, 'SEV3', ?, ?, 'OPEN', ?, false, 0)", incident,
                    system, customer, Fixtures.nonsenseWord(), Fixtures.nonsenseWord(),
                    OffsetDateTime.ofInstant(clock.instant().minusSeconds(5), ZoneOffset.UTC));

            assertThat(RoutingScenario.nextFor(offers, "OFFER", incident).path("incidentId").asString())
                    .isEqualTo(incident);
            scenario.awaitStatus(incident, "ROUTING");
        }
    }

    @Test
    void anAssignmentStoredBeforeOffersSettledExistedStillWithdrawsWhenReplayed() {
        var stored = "{\"incidentId\":\"INC-1\",\"customerId\":\"C-1\",\"status\":\"ASSIGNED\",\"assignee\":\"E-1\","
                + "\"at\":\"2026-11-24T10:00:00Z\"}";

        var replayed = serializer.deserialize(stored, IncidentUpdated.class);

        assertThat(replayed.offersSettled()).isFalse();
        assertThat(replayed.leftRouting()).isTrue();
    }

    /** Publications still in the table: a finished one is deleted (completion-mode delete). */
    private int remaining(String incidentId) {
        return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?", Integer.class,
                "%" + incidentId + "%");
    }

    /** "event -> listener's class" for each publication stored about the incident. */
    private static List<String> reactionsStored(StoredPublications stored, String incidentId) {
        return stored.insertedMentioning(incidentId).stream()
                .map(row -> simpleName(row.eventType()) + " -> " + ownerOf(row.listenerId())).toList();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** "io.switchboard.routing.RoutingTriggers.on(io.switchboard...)" -> "RoutingTriggers" */
    private static String ownerOf(String listenerId) {
        String method = listenerId.substring(0, listenerId.indexOf('('));
        String type = method.substring(0, method.lastIndexOf('.'));
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
