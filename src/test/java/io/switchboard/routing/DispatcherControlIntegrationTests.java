package io.switchboard.routing;

import static io.switchboard.routing.RoutingScenario.entries;
import static io.switchboard.routing.RoutingScenario.entriesOf;
import static io.switchboard.routing.RoutingScenario.nextFor;
import static io.switchboard.routing.RoutingScenario.pendingOffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.support.MutableClock;
import io.switchboard.support.StompTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher's levers (re-route, taking an engineer off duty), the figures (GET /api/stats and the Micrometer
 * meters), SLA warnings and breaches by the clock, and live presence in the ranking. Like
 * {@link RoutingIntegrationTests}, incidents use words nobody else uses, so only a test's own engineers are asked.
 */
@IntegrationTest
class DispatcherControlIntegrationTests {
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Fixtures fixtures;
    RoutingScenario scenario;
    Api admin;
    String dispatcherName;
    Api dispatcher;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        scenario = new RoutingScenario(port, fixtures);
        admin = fixtures.admin();
        dispatcherName = fixtures.dispatcherUser();
        dispatcher = fixtures.as(dispatcherName);
    }

    // ---- who may not, bad input

    @Test
    void onlyDispatchersAndAdminsMayRerouteChangeAnEngineersStatusOrReadTheFigures() {
        String customer = fixtures.customer();
        String system = fixtures.system(customer);
        String engineer = fixtures.engineer(system, 3, 10);
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        var engineerApi = fixtures.as(fixtures.engineerUser(engineer));
        var customerApi = fixtures.as(fixtures.customerUser(customer));
        for (var caller : List.of(engineerApi, customerApi)) {
            assertThat(caller.post("/api/incidents/" + incident + "/reroute", "{}").status()).isEqualTo(403);
            assertThat(caller.put("/api/engineers/" + engineer + "/status", "{\"status\":\"OFF_DUTY\"}").status()).isEqualTo(403);
            assertThat(caller.get("/api/stats").status()).isEqualTo(403);
        }
        // the role is checked before the body is read
        assertThat(engineerApi.put("/api/engineers/" + engineer + "/status", "{not json").status()).isEqualTo(403);
        var anonymous = fixtures.anonymous();
        assertThat(anonymous.post("/api/incidents/" + incident + "/reroute", "{}").status()).isEqualTo(401);
        assertThat(anonymous.put("/api/engineers/" + engineer + "/status", "{\"status\":\"OFF_DUTY\"}").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/stats").status()).isEqualTo(401);
        // metrics are for admins only
        assertThat(dispatcher.get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(admin.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(admin.get("/api/engineers/" + engineer).get("status")).isEqualTo("AVAILABLE");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 3, 10);
        String incident = fixtures.quietIncident(admin, system, "SEV4");

        for (String body : List.of("{\"status\":\"SLEEPING\"}", "{}", "{\"status\":", "[1]")) {
            var answer = dispatcher.put("/api/engineers/" + engineer + "/status", body);
            assertThat(answer.status()).as(body + " -> " + answer).isEqualTo(400);
            assertThat(answer.headers().getContentType().toString()).startsWith("application/problem+json");
        }
        assertThat(dispatcher.put("/api/engineers/NO-SUCH-ENGINEER/status", "{\"status\":\"OFF_DUTY\"}").status()).isEqualTo(404);
        assertThat(admin.get("/api/engineers/" + engineer).get("status")).isEqualTo("AVAILABLE");

        assertThat(dispatcher.post("/api/incidents/NO-SUCH-INCIDENT/reroute", "{}").status()).isEqualTo(404);
        var tooLong = dispatcher.post("/api/incidents/" + incident + "/reroute", "{\"reason\":\"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(dispatcher.post("/api/incidents/" + incident + "/reroute", "{\"reason\":").status()).isEqualTo(400);

        // an assigned incident is not routed again: that would undo the engineer's accept
        assertThat(dispatcher.post("/api/incidents/" + incident + "/assign", "{\"engineerId\":\"" + engineer + "\"}").status())
                .isEqualTo(200);
        var assigned = dispatcher.post("/api/incidents/" + incident + "/reroute", "{}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(409);
        assertThat(assigned.get("detail")).contains("ASSIGNED");
        var read = admin.get("/api/incidents/" + incident);
        assertThat(read.get("status")).isEqualTo("ASSIGNED");
        assertThat(entries(read.json().path("timeline"), "REROUTED")).isEmpty();
    }

    // ---- re-route

    @Test
    void rerouteGivesAnEscalatedIncidentAFreshWaveAndNeverAsksWhoDeclined() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String decliner = fixtures.engineer(system, 5, 10);
        String sleeper = fixtures.engineer(system, 2, 10);
        var declinerApi = fixtures.as(scenario.engineerUser(decliner));
        var sleeperApi = fixtures.as(scenario.engineerUser(sleeper));
        String incident = fixtures.quietIncident(admin, system, "SEV4");

        String first = pendingOffer(declinerApi, incident);
        assertThat(declinerApi.post("/api/offers/" + first + "/decline", "{\"reason\":\"on holiday\"}").status()).isEqualTo(200);
        pendingOffer(sleeperApi, incident);
        clock.advance(OFFER_TIMEOUT.plusSeconds(1));
        scenario.awaitStatus(incident, "ESCALATED");

        var rerouted = dispatcher.post("/api/incidents/" + incident + "/reroute", "{\"reason\":\"the night shift is in\"}");

        assertThat(rerouted.status()).as(rerouted.toString()).isEqualTo(200);
        assertThat(rerouted.get("status")).isEqualTo("ROUTING");
        // who only let the offer run out is asked again; who declined is not
        String again = pendingOffer(sleeperApi, incident);
        assertThat(again).isNotBlank();
        assertThat(declinerApi.get("/api/me/offers").json().findValuesAsString("incidentId")).doesNotContain(incident);
        var timeline = admin.get("/api/incidents/" + incident).json().path("timeline");
        var reroutes = entriesOf(timeline, "REROUTED");
        assertThat(reroutes).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asString()).isEqualTo(dispatcherName);
            assertThat(entry.path("detail").asString()).contains("the night shift is in");
        });
        assertThat(entries(timeline, "OFFERED")).last().asString().contains("Wave 1").contains(sleeper).doesNotContain(decliner);

        // the fresh round runs out like any other: decline -> escalated again, with a reason
        assertThat(sleeperApi.post("/api/offers/" + again + "/decline", "{}").status()).isEqualTo(200);
        scenario.awaitStatus(incident, "ESCALATED");
        // with nobody left who has not declined, a re-route escalates again at once instead of ringing anyone
        var hopeless = dispatcher.post("/api/incidents/" + incident + "/reroute", "");
        assertThat(hopeless.status()).as(hopeless.toString()).isEqualTo(200);
        assertThat(hopeless.get("status")).isEqualTo("ESCALATED");
        assertThat(entries(admin.get("/api/incidents/" + incident).json().path("timeline"), "ESCALATED")).hasSize(3);
    }

    @Test
    void rerouteOfARingingIncidentWithdrawsItsOffersLive() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String ringing = fixtures.engineer(system, 5, 10);
        try (var client = scenario.connect(scenario.engineerUser(ringing))) {
            var offers = client.subscribe("/user/queue/offers");
            String incident = fixtures.quietIncident(admin, system, "SEV4");
            var offer = nextFor(offers, "OFFER", incident);

            var rerouted = admin.post("/api/incidents/" + incident + "/reroute", "{}");

            assertThat(rerouted.status()).as(rerouted.toString()).isEqualTo(200);
            var withdrawn = nextFor(offers, "OFFER_WITHDRAWN", incident);
            assertThat(withdrawn.path("offerId").asString()).isEqualTo(offer.path("offerId").asString());
            // the same engineer did not decline, so the fresh round rings them again
            var again = nextFor(offers, "OFFER", incident);
            assertThat(again.path("offerId").asString()).isNotEqualTo(offer.path("offerId").asString());
            assertThat(entriesOf(admin.get("/api/incidents/" + incident).json().path("timeline"), "REROUTED"))
                    .singleElement().satisfies(entry -> assertThat(entry.path("actor").asString()).isEqualTo("admin"));
        }
    }

    // ---- engineer status by a dispatcher

    @Test
    void takingAnEngineerOffDutyWithdrawsTheirRingingOffersAndRoutingMovesOn() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String leaving = fixtures.engineer(system, 5, 10);
        String next = fixtures.engineer(system, 2, 10);
        try (var leavingClient = scenario.connect(scenario.engineerUser(leaving));
                var nextClient = scenario.connect(scenario.engineerUser(next));
                var boardClient = scenario.connect(dispatcherName)) {
            var leavingOffers = leavingClient.subscribe("/user/queue/offers");
            var nextOffers = nextClient.subscribe("/user/queue/offers");
            var board = boardClient.subscribe("/topic/board");
            String incident = fixtures.quietIncident(admin, system, "SEV4");
            var offer = nextFor(leavingOffers, "OFFER", incident);

            var changed = dispatcher.put("/api/engineers/" + leaving + "/status", "{\"status\":\"OFF_DUTY\"}");

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.get("status")).isEqualTo("OFF_DUTY");
            var withdrawn = nextFor(leavingOffers, "OFFER_WITHDRAWN", incident);
            assertThat(withdrawn.path("offerId").asString()).isEqualTo(offer.path("offerId").asString());
            assertThat(withdrawn.path("reason").asString()).contains("OFF_DUTY");
            nextFor(nextOffers, "OFFER", incident);
            var status = StompTestClient.next(board, "ENGINEER_STATUS", 10);
            assertThat(status.path("engineerId").asString()).isEqualTo(leaving);
            assertThat(admin.get("/api/engineers/" + leaving).get("status")).isEqualTo("OFF_DUTY");
            assertThat(entriesOf(admin.get("/api/incidents/" + incident).json().path("timeline"), "WITHDRAWN"))
                    .singleElement().satisfies(entry -> {
                        assertThat(entry.path("actor").asString()).isEqualTo(dispatcherName);
                        assertThat(entry.path("detail").asString()).contains(leaving);
                    });
            assertThat(fixtures.as(scenario.userOf(leaving)).post("/api/offers/" + offer.path("offerId").asString() + "/accept", "")
                    .status()).isEqualTo(409);

            // and back on duty
            var back = admin.put("/api/engineers/" + leaving + "/status", "{\"status\":\"AVAILABLE\"}");
            assertThat(back.status()).as(back.toString()).isEqualTo(200);
            assertThat(admin.get("/api/engineers/" + leaving).get("status")).isEqualTo("AVAILABLE");
        }
    }

    @Test
    void anEngineerGoingBusyThemselvesAlsoStopsTheirOffersRinging() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String busy = fixtures.engineer(system, 5, 10);
        String next = fixtures.engineer(system, 2, 10);
        var busyApi = fixtures.as(scenario.engineerUser(busy));
        var nextApi = fixtures.as(scenario.engineerUser(next));
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        pendingOffer(busyApi, incident);

        assertThat(busyApi.put("/api/me/status", "{\"status\":\"BUSY\"}").status()).isEqualTo(200);

        assertThat(busyApi.get("/api/me/offers").json().findValuesAsString("incidentId")).doesNotContain(incident);
        pendingOffer(nextApi, incident);
        assertThat(entriesOf(admin.get("/api/incidents/" + incident).json().path("timeline"), "WITHDRAWN"))
                .singleElement().satisfies(entry -> assertThat(entry.path("actor").asString()).isEqualTo(scenario.userOf(busy)));
    }

    // ---- figures

    @Test
    void statsCountFromTheDatabaseAndTheMetersFollow() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 5, 10);
        var engineerApi = fixtures.as(scenario.engineerUser(engineer));
        var before = dispatcher.get("/api/stats");
        assertThat(before.status()).as(before.toString()).isEqualTo(200);

        String incident = fixtures.quietIncident(admin, system, "SEV2");
        String offer = pendingOffer(engineerApi, incident);
        assertThat(engineerApi.post("/api/offers/" + offer + "/accept", "").status()).isEqualTo(200);
        assertThat(engineerApi.post("/api/incidents/" + incident + "/resolve", "{\"resolution\":\"restarted\"}").status())
                .isEqualTo(200);
        // and one that its only candidate declines: escalated
        String otherSystem = fixtures.system(fixtures.customer());
        var declinerApi = fixtures.as(scenario.engineerUser(fixtures.engineer(otherSystem, 5, 10)));
        String lonely = fixtures.quietIncident(admin, otherSystem, "SEV2");
        assertThat(declinerApi.post("/api/offers/" + pendingOffer(declinerApi, lonely) + "/decline", "{}").status())
                .isEqualTo(200);
        scenario.awaitStatus(lonely, "ESCALATED");

        var after = dispatcher.get("/api/stats");
        assertThat(after.status()).isEqualTo(200);
        var was = before.json().path("perSeverity").path("SEV2");
        var now = after.json().path("perSeverity").path("SEV2");
        assertThat(now.path("opened").asLong()).isGreaterThanOrEqualTo(was.path("opened").asLong() + 2);
        assertThat(now.path("assigned").asLong()).isGreaterThanOrEqualTo(was.path("assigned").asLong() + 1);
        assertThat(now.path("resolved").asLong()).isGreaterThanOrEqualTo(was.path("resolved").asLong() + 1);
        assertThat(now.path("escalated").asLong()).isGreaterThanOrEqualTo(was.path("escalated").asLong() + 1);
        assertThat(now.path("mttaSeconds").isNumber()).as(after.toString()).isTrue();
        assertThat(now.path("mttrSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        for (var severity : List.of("SEV1", "SEV2", "SEV3", "SEV4")) {
            assertThat(after.json().path("perSeverity").has(severity)).isTrue();
        }
        var offers = after.json().path("offers");
        assertThat(offers.path("made").asLong()).isGreaterThanOrEqualTo(before.json().path("offers").path("made").asLong() + 1);
        assertThat(offers.path("accepted").asLong())
                .isGreaterThanOrEqualTo(before.json().path("offers").path("accepted").asLong() + 1);
        assertThat(offers.path("acceptanceRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(after.json().path("escalationRate").asDouble()).isBetween(0.0, 1.0);

        assertThat(meter("switchboard.offers", "outcome:accepted")).isGreaterThanOrEqualTo(1);
        assertThat(meter("switchboard.offers", "outcome:made")).isGreaterThanOrEqualTo(1);
        assertThat(meter("switchboard.incidents.escalated", null)).isGreaterThanOrEqualTo(1);
        assertThat(meter("switchboard.mtta", "severity:SEV2")).isGreaterThanOrEqualTo(1);
        assertThat(meter("switchboard.mttr", "severity:SEV2")).isGreaterThanOrEqualTo(1);
        // the resolved incident is searchable, so the index counts it (and the engineers) among its documents
        assertThat(meter("switchboard.search.index.documents", null)).isGreaterThanOrEqualTo(2);
        assertThat(meter("switchboard.search.index.segments", null)).isGreaterThanOrEqualTo(1);
    }

    // ---- SLA

    @Test
    void nearingAndPassingTheAcknowledgeDeadlineIsRecordedOnceAndSentLive() throws Exception {
        String customer = fixtures.customer();
        String system = fixtures.system(customer);
        String customerUser = fixtures.customerUser(customer);
        try (var boardClient = scenario.connect(dispatcherName);
                var customerClient = scenario.connect(customerUser)) {
            var board = boardClient.subscribe("/topic/board");
            var mine = customerClient.subscribe("/user/queue/incidents");
            // SEV1: acknowledge within 5 minutes; the warning comes in the last 20%, i.e. after 4 minutes
            var silent = fixtures.as(scenario.engineerUser(fixtures.engineer(system, 5, 10)));
            String incident = fixtures.quietIncident(fixtures.as(customerUser), system, "SEV1");
            pendingOffer(silent, incident);
            assertThat(entries(timeline(incident), "SLA_WARNING")).isEmpty();

            clock.advance(Duration.ofMinutes(4).plusSeconds(5));

            var warning = nextFor(board, "SLA_WARNING", incident);
            assertThat(warning.path("deadline").asString()).isEqualTo("ACK");
            assertThat(warning.path("breached").asBoolean()).isFalse();
            assertThat(warning.path("at").asString()).isNotBlank();
            assertThat(warning.path("due").asString()).isEqualTo(admin.get("/api/incidents/" + incident).get("ackBy"));
            var customerWarning = nextFor(mine, "SLA_WARNING", incident);
            assertThat(customerWarning.path("deadline").asString()).isEqualTo("ACK");

            clock.advance(Duration.ofMinutes(1));

            var breach = nextFor(board, "SLA_WARNING", incident);
            assertThat(breach.path("breached").asBoolean()).isTrue();
            assertThat(nextFor(mine, "SLA_WARNING", incident).path("breached").asBoolean()).isTrue();
            Thread.sleep(600); // three more sweeps: nothing is recorded twice
            assertThat(entries(timeline(incident), "SLA_WARNING")).singleElement().asString().contains("acknowledge");
            assertThat(entries(timeline(incident), "SLA_BREACHED")).singleElement().asString().contains("acknowledge");
        }
    }

    @Test
    void anAcknowledgedIncidentGetsNoAcknowledgeWarningButAResolveBreach() throws Exception {
        String incident = assignedSev1Incident();

        clock.advance(Duration.ofHours(4).plusSeconds(1));

        awaitEntry(incident, "SLA_BREACHED");
        var timeline = timeline(incident);
        assertThat(entries(timeline, "SLA_BREACHED")).singleElement().asString().contains("resolve");
        // passed before it was ever looked at "near": a breach, not a late warning
        assertThat(entries(timeline, "SLA_WARNING")).noneMatch(detail -> detail.contains("acknowledge"));
    }

    @Test
    void nearingTheResolveDeadlineIsAWarningNotABreach() throws Exception {
        String incident = assignedSev1Incident();

        // SEV1: resolve within 4 hours; the warning comes in the last 20%, i.e. after 3 h 12 min
        clock.advance(Duration.ofHours(3).plusMinutes(11));
        Thread.sleep(600); // three sweeps
        assertThat(entries(timeline(incident), "SLA_WARNING")).as("not near yet").isEmpty();
        clock.advance(Duration.ofMinutes(2));

        awaitEntry(incident, "SLA_WARNING");
        assertThat(entries(timeline(incident), "SLA_WARNING")).singleElement().asString().contains("resolve");
        assertThat(entries(timeline(incident), "SLA_BREACHED")).isEmpty();
    }

    /** A quiet SEV1 incident a dispatcher assigned, so it is acknowledged and only its resolve clock runs. */
    private String assignedSev1Incident() {
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 5, 10);
        String incident = fixtures.quietIncident(admin, system, "SEV1");
        assertThat(dispatcher.post("/api/incidents/" + incident + "/assign", "{\"engineerId\":\"" + engineer + "\"}").status())
                .isEqualTo(200);
        return incident;
    }

    private void awaitEntry(String incident, String type) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> entries(timeline(incident), type), found -> !found.isEmpty());
    }

    // ---- presence

    @Test
    void anEngineerWhoseLastSessionDroppedIsNotRungFirst() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String best = fixtures.engineer(system, 5, 10);
        String present = fixtures.engineer(system, 2, 10);
        var bestApi = fixtures.as(scenario.engineerUser(best));
        var presentApi = fixtures.as(scenario.engineerUser(present));
        try (var presentClient = scenario.connect(scenario.userOf(present))) {
            // the best engineer was here, in two tabs, and both closed
            var tab1 = scenario.connect(scenario.userOf(best));
            var tab2 = scenario.connect(scenario.userOf(best));
            tab1.close();
            Thread.sleep(200);
            tab2.close();
            Thread.sleep(500); // the server notices the closed sockets

            String incident = fixtures.quietIncident(admin, system, "SEV4");

            String offer = pendingOffer(presentApi, incident);
            assertThat(bestApi.get("/api/me/offers").json().findValuesAsString("incidentId")).doesNotContain(incident);
            // still qualified: asked next, not dropped
            assertThat(presentApi.post("/api/offers/" + offer + "/decline", "{}").status()).isEqualTo(200);
            pendingOffer(bestApi, incident);
        }
    }

    @Test
    void oneOpenTabIsEnoughToBeRungFirst() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String best = fixtures.engineer(system, 5, 10);
        String other = fixtures.engineer(system, 2, 10);
        var bestApi = fixtures.as(scenario.engineerUser(best));
        fixtures.as(scenario.engineerUser(other));
        try (var stays = scenario.connect(scenario.userOf(best)); var otherClient = scenario.connect(scenario.userOf(other))) {
            scenario.connect(scenario.userOf(best)).close();
            Thread.sleep(500);
            String incident = fixtures.quietIncident(admin, system, "SEV4");
            pendingOffer(bestApi, incident);
        }
    }

    // ---- helpers

    private JsonNode timeline(String incident) {
        return admin.get("/api/incidents/" + incident).json().path("timeline");
    }

    /** The value of a meter's first measurement (COUNT for timers), for the given tag ("key:value") or all. */
    private double meter(String name, String tag) {
        var response = admin.get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
        assertThat(response.status()).as(name + " " + response).isEqualTo(200);
        return response.json().path("measurements").get(0).path("value").asDouble();
    }
}
