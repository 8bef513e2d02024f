package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

/**
 * A storm of incidents on few engineers: nobody is ever rung or assigned beyond their capacity. Incidents
 * that find every qualified engineer full escalate to the dispatchers rather than wait unseen.
 */
@IntegrationTest
class CapacityIntegrationTests {
    private static final int ENGINEERS = 10;
    private static final int INCIDENTS = 50;
    private static final int MAX_ACTIVE = 2;

    @LocalServerPort
    int port;

    @Test
    void fiftyIncidentsAtOnceOnTenEngineersNeverPutAnyoneOverCapacity() throws Exception {
        var fixtures = new Fixtures(port);
        String system = fixtures.system(fixtures.customer());
        var engineers = new ArrayList<String>();
        var clients = new ArrayList<Api>();
        for (int i = 0; i < ENGINEERS; i++) {
            String engineer = fixtures.engineer(system, 5, MAX_ACTIVE);
            engineers.add(engineer);
            clients.add(fixtures.as(fixtures.engineerUser(engineer)));
        }

        var pool = Executors.newFixedThreadPool(8);
        try {
            var opened = new ArrayList<Future<String>>();
            var incidents = new ArrayList<String>();
            for (int i = 0; i < INCIDENTS; i++) {
                opened.add(pool.submit(() -> fixtures.quietIncident(fixtures.admin(), system, "SEV1")));
            }
            for (var incident : opened) {
                incidents.add(incident.get(60, TimeUnit.SECONDS));
            }

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            boolean ringing = true;
            while (ringing && System.nanoTime() < until) {
                ringing = false;
                for (int i = 0; i < ENGINEERS; i++) {
                    var offers = clients.get(i).get("/api/me/offers").json();
                    int active = active(fixtures, engineers.get(i));
                    assertThat(active + offers.size()).as("ringing + assigned for " + engineers.get(i))
                            .isLessThanOrEqualTo(MAX_ACTIVE);
                    ringing |= !offers.isEmpty();
                    for (var offer : offers) {
                        int status = clients.get(i).post("/api/offers/" + offer.path("offerId").asString() + "/accept", "")
                                .status();
                        assertThat(status).isIn(200, 409);
                    }
                }
            }
            for (String engineer : engineers) {
                assertThat(active(fixtures, engineer)).as(engineer).isLessThanOrEqualTo(MAX_ACTIVE);
            }
            var statuses = incidents.stream()
                    .map(id -> fixtures.admin().get("/api/incidents/" + id).get("status")).toList();
            assertThat(statuses).as("every incident is assigned or in front of a dispatcher")
                    .allMatch(status -> status.equals("ASSIGNED") || status.equals("ESCALATED"));
            assertThat(statuses.stream().filter("ASSIGNED"::equals).count())
                    .isEqualTo(totalActive(fixtures, engineers)).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEngineerFoundAtTheirLimitIsRungAgainAsSoonAsAnIncidentOfTheirsIsResolvedOrHandedOver() {
        var fixtures = new Fixtures(port);
        var admin = fixtures.admin();
        var dispatcher = fixtures.as(fixtures.dispatcherUser());
        String system = fixtures.system(fixtures.customer());
        String best = fixtures.engineer(system, 5, 1);
        String second = fixtures.engineer(system, 2, 10);
        String third = fixtures.engineer(system, 1, 10);
        var bestApi = fixtures.as(fixtures.engineerUser(best));

        String first = offeredTo(fixtures, system, best);
        accept(bestApi, first);
        // at their limit: the next decision finds them full, and those after it leave them out
        offeredTo(fixtures, system, second);
        offeredTo(fixtures, system, second);

        assertThat(bestApi.post("/api/incidents/" + first + "/resolve", "{\"resolution\":\"done\"}").status())
                .isEqualTo(200);
        String again = offeredTo(fixtures, system, best);
        accept(bestApi, again);
        offeredTo(fixtures, system, second);

        assertThat(dispatcher.post("/api/incidents/" + again + "/assign", "{\"engineerId\":\"" + third + "\"}")
                .status()).isEqualTo(200);
        offeredTo(fixtures, system, best);
    }

    /** Opens a quiet SEV3 incident (a wave of one) and checks whom its first wave rang. */
    private static String offeredTo(Fixtures fixtures, String system, String engineer) {
        String incident = fixtures.quietIncident(fixtures.admin(), system, "SEV3");
        var timeline = fixtures.admin().get("/api/incidents/" + incident).json().path("timeline");
        assertThat(RoutingScenario.entries(timeline, "OFFERED")).singleElement().asString().contains("(" + engineer + ")");
        return incident;
    }

    private static void accept(Api engineer, String incident) {
        String offer = RoutingScenario.pendingOffer(engineer, incident);
        assertThat(engineer.post("/api/offers/" + offer + "/accept", "").status()).isEqualTo(200);
    }

    private static int active(Fixtures fixtures, String engineer) {
        return fixtures.admin().get("/api/engineers/" + engineer).json().path("activeIncidents").asInt();
    }

    private static int totalActive(Fixtures fixtures, List<String> engineers) {
        return engineers.stream().mapToInt(engineer -> active(fixtures, engineer)).sum();
    }
}
