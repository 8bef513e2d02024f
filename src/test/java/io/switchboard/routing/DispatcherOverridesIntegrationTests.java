package io.switchboard.routing;

import static io.switchboard.routing.RoutingScenario.entries;
import static io.switchboard.routing.RoutingScenario.entriesOf;
import static io.switchboard.routing.RoutingScenario.nextFor;
import static io.switchboard.routing.RoutingScenario.pendingOffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.directory.DirectoryService;
import io.switchboard.directory.EngineerStatus;
import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Where a dispatcher overrides routing or routing reaches for a person: broadcast to every qualified engineer,
 * reassignment with a reason (past the engineer's limits if need be), the policy's escalate-to list, and an
 * accept that re-checks the engineer's own status. The shared test server sets broadcast-limit 4 and SEV3
 * escalate-to [sev3-lead, ghost-lead] (see {@link IntegrationTest}).
 */
@IntegrationTest
class DispatcherOverridesIntegrationTests {
    private static final String SEV3_LEAD = "sev3-lead";

    @LocalServerPort
    int port;

    @Autowired
    DirectoryService directory;

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

    // ---- broadcast

    @Test
    void broadcastRingsEveryQualifiedEngineerAtOnceAndTheFirstAcceptWins() {
        String system = fixtures.system(fixtures.customer());
        String decliner = fixtures.engineer(system, 5, 10);
        String second = fixtures.engineer(system, 4, 10);
        String third = fixtures.engineer(system, 3, 10);
        String busy = fixtures.engineer(system, 3, 10);
        String full = fixtures.engineer(system, 3, 1);
        assertThat(dispatcher.put("/api/engineers/" + busy + "/status", "{\"status\":\"BUSY\"}").status()).isEqualTo(200);
        fillUp(full);
        var declinerApi = fixtures.as(scenario.engineerUser(decliner));
        var secondApi = fixtures.as(scenario.engineerUser(second));
        var thirdApi = fixtures.as(scenario.engineerUser(third));
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        assertThat(declinerApi.post("/api/offers/" + pendingOffer(declinerApi, incident) + "/decline", "{}").status())
                .isEqualTo(200);
        String secondsFirstOffer = pendingOffer(secondApi, incident);

        var broadcast = dispatcher.post("/api/incidents/" + incident + "/broadcast", "{\"reason\":\"all hands\"}");

        assertThat(broadcast.status()).as(broadcast.toString()).isEqualTo(200);
        assertThat(broadcast.get("status")).isEqualTo("ROUTING");
        // one wave to everyone qualified: the ringing offer was replaced, the decliner, the busy and the full are left out
        String secondsBroadcastOffer = pendingOffer(secondApi, incident);
        assertThat(secondsBroadcastOffer).isNotEqualTo(secondsFirstOffer);
        String thirdsOffer = pendingOffer(thirdApi, incident);
        for (String left : List.of(decliner, busy, full)) {
            assertThat(offeredIncidents(fixtures.as(scenario.engineerUser(left)))).as(left).doesNotContain(incident);
        }
        var timeline = timeline(incident);
        assertThat(entriesOf(timeline, "BROADCAST")).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asString()).isEqualTo(dispatcherName);
            assertThat(entry.path("detail").asString()).contains("all hands");
        });
        assertThat(entries(timeline, "OFFERED")).last().asString().startsWith("Broadcast").contains(second, third)
                .doesNotContain(decliner, busy, full);

        assertThat(thirdApi.post("/api/offers/" + thirdsOffer + "/accept", "").status()).isEqualTo(200);

        scenario.awaitStatus(incident, "ASSIGNED");
        assertThat(admin.get("/api/incidents/" + incident).get("assignee")).isEqualTo(third);
        assertThat(secondApi.post("/api/offers/" + secondsBroadcastOffer + "/accept", "").status()).isEqualTo(409);
    }

    @Test
    void broadcastStopsAtTheConfiguredLimit() {
        String system = fixtures.system(fixtures.customer());
        var engineers = List.of(fixtures.engineer(system, 5, 10), fixtures.engineer(system, 4, 10),
                fixtures.engineer(system, 4, 10), fixtures.engineer(system, 3, 10), fixtures.engineer(system, 2, 10));
        var apis = engineers.stream().map(engineer -> fixtures.as(scenario.engineerUser(engineer))).toList();
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        pendingOffer(apis.getFirst(), incident);

        var broadcast = dispatcher.post("/api/incidents/" + incident + "/broadcast", "");

        assertThat(broadcast.status()).as(broadcast.toString()).isEqualTo(200);
        long ringing = apis.stream().filter(api -> offeredIncidents(api).contains(incident)).count();
        assertThat(ringing).isEqualTo(4);
        assertThat(entries(timeline(incident), "OFFERED")).last().asString().startsWith("Broadcast")
                .doesNotContain(engineers.getLast());
    }

    @Test
    void broadcastWithNobodyQualifiedIsAConflictThatChangesNothing() {
        String system = fixtures.system(fixtures.customer());
        String only = fixtures.engineer(system, 5, 10);
        var onlyApi = fixtures.as(scenario.engineerUser(only));
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        assertThat(onlyApi.post("/api/offers/" + pendingOffer(onlyApi, incident) + "/decline", "{}").status()).isEqualTo(200);
        scenario.awaitStatus(incident, "ESCALATED");
        int entriesBefore = timeline(incident).size();

        var refused = dispatcher.post("/api/incidents/" + incident + "/broadcast", "{\"reason\":\"anyone?\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.get("detail")).contains("nobody").contains("1 declined");
        var read = admin.get("/api/incidents/" + incident);
        assertThat(read.get("status")).isEqualTo("ESCALATED");
        assertThat(read.json().path("timeline").size()).isEqualTo(entriesBefore);
        assertThat(offeredIncidents(onlyApi)).doesNotContain(incident);
    }

    @Test
    void onlyIncidentsWaitingForAnEngineerAreBroadcast() {
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 5, 10);
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        assertThat(assign(incident, engineer, null).status()).isEqualTo(200);

        var assigned = dispatcher.post("/api/incidents/" + incident + "/broadcast", "{}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(409);
        assertThat(assigned.get("detail")).contains("ASSIGNED");

        assertThat(dispatcher.post("/api/incidents/" + incident + "/resolve", "{\"resolution\":\"done\"}").status()).isEqualTo(200);
        var resolved = dispatcher.post("/api/incidents/" + incident + "/broadcast", "{}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(409);
        assertThat(resolved.get("detail")).contains("RESOLVED");
        assertThat(entries(timeline(incident), "BROADCAST")).isEmpty();
    }

    // ---- assign and reassign

    @Test
    void reassigningTellsTheOldAndNewAssigneeAndRecordsTheReasonAndTheOverride() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String first = fixtures.engineer(system, 5, 10);
        String next = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 1);
        fillUp(next);
        var firstApi = fixtures.as(scenario.engineerUser(first));
        var nextApi = fixtures.as(scenario.engineerUser(next));
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        assertThat(firstApi.post("/api/offers/" + pendingOffer(firstApi, incident) + "/accept", "").status()).isEqualTo(200);
        try (var firstClient = scenario.connect(scenario.userOf(first));
                var nextClient = scenario.connect(scenario.userOf(next))) {
            var firstQueue = firstClient.subscribe("/user/queue/incidents");
            var nextQueue = nextClient.subscribe("/user/queue/incidents");

            var reassigned = assign(incident, next, "needs the on-site engineer");

            assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
            assertThat(reassigned.get("assignee")).isEqualTo(next);
            for (var queue : List.of(firstQueue, nextQueue)) {
                var update = nextFor(queue, "INCIDENT_UPDATED", incident);
                assertThat(update.path("assignee").asString()).isEqualTo(next);
                assertThat(update.path("status").asString()).isEqualTo("ASSIGNED");
            }
        }
        assertThat(entriesOf(timeline(incident), "REASSIGNED")).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asString()).isEqualTo(dispatcherName);
            assertThat(entry.path("detail").asString()).contains("from " + first + " to " + next)
                    .contains("needs the on-site engineer")
                    .contains("dispatcher override: " + next + " already works on 1 incident(s), limit 1");
        });
        assertThat(firstApi.get("/api/me/incidents").json().findValuesAsString("id")).doesNotContain(incident);
        assertThat(nextApi.get("/api/me/incidents").json().findValuesAsString("id")).contains(incident);
    }

    @Test
    void assigningAnEngineerWhoIsOffDutyIsAnOverrideOnTheTimeline() {
        String engineer = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 10);
        assertThat(dispatcher.put("/api/engineers/" + engineer + "/status", "{\"status\":\"OFF_DUTY\"}").status()).isEqualTo(200);
        String incident = fixtures.quietIncident(admin, fixtures.system(fixtures.customer()), "SEV4");

        assertThat(assign(incident, engineer, null).status()).isEqualTo(200);

        assertThat(entries(timeline(incident), "ASSIGNED")).singleElement().asString()
                .contains("dispatcher override: " + engineer + " is OFF_DUTY");
    }

    @Test
    void reassigningToTheSameEngineerOrAResolvedIncidentIsAConflictThatChangesNothing() {
        String engineer = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 10);
        String other = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 10);
        String incident = fixtures.quietIncident(admin, fixtures.system(fixtures.customer()), "SEV4");
        assertThat(assign(incident, engineer, null).status()).isEqualTo(200);

        var same = assign(incident, engineer, "again");
        assertThat(same.status()).as(same.toString()).isEqualTo(409);
        assertThat(same.get("detail")).contains("already assigned to " + engineer);

        assertThat(dispatcher.post("/api/incidents/" + incident + "/resolve", "{\"resolution\":\"done\"}").status()).isEqualTo(200);
        var resolved = assign(incident, other, null);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(409);
        assertThat(resolved.get("detail")).contains("RESOLVED");

        var read = admin.get("/api/incidents/" + incident);
        assertThat(read.get("assignee")).isEqualTo(engineer);
        assertThat(entries(read.json().path("timeline"), "REASSIGNED")).isEmpty();
        assertThat(entries(read.json().path("timeline"), "ASSIGNED")).hasSize(1);
    }

    // ---- escalate-to

    @Test
    void anEscalationTellsThePolicysNamedStaffInPersonAndTheTimelineNamesThem() throws Exception {
        var created = admin.post("/api/users", """
                {"username":"%s","password":"%s","role":"DISPATCHER"}""".formatted(SEV3_LEAD, Fixtures.PASSWORD));
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
        String system = fixtures.system(fixtures.customer());
        var onlyApi = fixtures.as(scenario.engineerUser(fixtures.engineer(system, 5, 10)));
        try (var leadClient = scenario.connect(SEV3_LEAD); var otherClient = scenario.connect(dispatcherName)) {
            var leadQueue = leadClient.subscribe("/user/queue/incidents");
            var otherQueue = otherClient.subscribe("/user/queue/incidents");
            var otherBoard = otherClient.subscribe("/topic/board");
            String incident = fixtures.quietIncident(admin, system, "SEV3");

            assertThat(onlyApi.post("/api/offers/" + pendingOffer(onlyApi, incident) + "/decline", "{}").status()).isEqualTo(200);

            var personal = nextFor(leadQueue, "ESCALATED", incident);
            assertThat(personal.path("reason").asString()).contains("No further qualified engineer");
            // everyone on the board hears it; only the named lead in person
            nextFor(otherBoard, "ESCALATED", incident);
            assertThat(escalationsIn(otherQueue, incident)).isZero();
            assertThat(entries(timeline(incident), "ESCALATED")).singleElement().asString()
                    .contains("escalated to " + SEV3_LEAD).doesNotContain("ghost-lead");
        }
    }

    // ---- accept re-checks the engineer

    @Test
    void anEngineerWhoIsNotAvailableCannotAcceptUntilTheyAreAvailableAgain() {
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 5, 10);
        var engineerApi = fixtures.as(scenario.engineerUser(engineer));
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        String offer = pendingOffer(engineerApi, incident);
        // The status alone, without the withdrawal that PUT /status does next: the moment between the two, when an
        // accept may still arrive.
        for (var status : List.of(EngineerStatus.BUSY, EngineerStatus.OFF_DUTY)) {
            directory.changeStatus(engineer, status);

            var refused = engineerApi.post("/api/offers/" + offer + "/accept", "");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.get("detail")).contains(status.name()).contains("AVAILABLE first");
            assertThat(admin.get("/api/incidents/" + incident).get("status")).isEqualTo("ROUTING");
        }
        directory.changeStatus(engineer, EngineerStatus.AVAILABLE);

        assertThat(engineerApi.post("/api/offers/" + offer + "/accept", "").status()).isEqualTo(200);
        assertThat(admin.get("/api/incidents/" + incident).get("assignee")).isEqualTo(engineer);
    }

    // ---- helpers

    /** Gives the engineer (maxActive 1) an incident on a system nobody declares, so they are at their limit. */
    private void fillUp(String engineer) {
        String elsewhere = fixtures.quietIncident(admin, fixtures.system(fixtures.customer()), "SEV4");
        assertThat(assign(elsewhere, engineer, null).status()).isEqualTo(200);
    }

    private Api.Response assign(String incident, String engineer, String reason) {
        return dispatcher.post("/api/incidents/" + incident + "/assign", reason == null
                ? "{\"engineerId\":\"" + engineer + "\"}"
                : "{\"engineerId\":\"" + engineer + "\",\"reason\":\"" + reason + "\"}");
    }

    private static List<String> offeredIncidents(Api engineer) {
        return engineer.get("/api/me/offers").json().findValuesAsString("incidentId");
    }

    private JsonNode timeline(String incident) {
        return admin.get("/api/incidents/" + incident).json().path("timeline");
    }

    /** ESCALATED messages about the incident that arrive on the queue within half a second. */
    private static int escalationsIn(java.util.concurrent.BlockingQueue<JsonNode> queue, String incident)
            throws InterruptedException {
        int found = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        for (long left; (left = deadline - System.nanoTime()) > 0;) {
            var message = queue.poll(left, TimeUnit.NANOSECONDS);
            if (message != null && "ESCALATED".equals(message.path("type").asString())
                    && incident.equals(message.path("incidentId").asString())) {
                found++;
            }
        }
        return found;
    }
}
