package io.switchboard.routing;

import static io.switchboard.routing.RoutingScenario.entries;
import static io.switchboard.routing.RoutingScenario.pendingOffer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.support.MutableClock;

/**
 * Routing rings only engineers their schedule makes reachable for the severity: working hours always, on-call
 * windows only where the policy's reach is ON_CALL (SEV1, SEV2), and an OFF_DUTY override never. Patterns cover
 * whole days, so the answer does not depend on when the test runs.
 */
@IntegrationTest
class WorkingHoursRoutingIntegrationTests {
    private static final String ALL_WEEK = """
            {"MONDAY":[{"from":"00:00","to":"00:00"}],"TUESDAY":[{"from":"00:00","to":"00:00"}],
             "WEDNESDAY":[{"from":"00:00","to":"00:00"}],"THURSDAY":[{"from":"00:00","to":"00:00"}],
             "FRIDAY":[{"from":"00:00","to":"00:00"}],"SATURDAY":[{"from":"00:00","to":"00:00"}],
             "SUNDAY":[{"from":"00:00","to":"00:00"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Fixtures fixtures;
    RoutingScenario scenario;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        scenario = new RoutingScenario(port, fixtures);
        admin = fixtures.admin();
    }

    @Test
    void anEngineerOnlyOnCallIsSkippedForSev3ButRungForSev1() {
        String system = fixtures.system(fixtures.customer());
        String onCallOnly = fixtures.engineer(system, 5, 10);
        String working = fixtures.engineer(system, 2, 10);
        schedule(onCallOnly, "{\"workingHours\":{},\"onCall\":" + ALL_WEEK + "}");
        schedule(working, "{\"workingHours\":" + ALL_WEEK + "}");

        String sev3 = fixtures.quietIncident(admin, system, "SEV3");
        pendingOffer(fixtures.as(scenario.engineerUser(working)), sev3);
        var sev3Offers = entries(admin.get("/api/incidents/" + sev3).json().path("timeline"), "OFFERED");
        assertThat(sev3Offers).singleElement().asString().contains(working).doesNotContain(onCallOnly);

        String sev1 = fixtures.quietIncident(admin, system, "SEV1");
        pendingOffer(fixtures.as(scenario.engineerUser(onCallOnly)), sev1);
        var sev1Offers = entries(admin.get("/api/incidents/" + sev1).json().path("timeline"), "OFFERED");
        assertThat(sev1Offers).singleElement().asString().contains(onCallOnly).contains(working);
    }

    @Test
    void anOffDutyOverrideKeepsAnEngineerWithoutAPatternFromBeingRungUntilItIsRemoved() {
        String system = fixtures.system(fixtures.customer());
        String onHoliday = fixtures.engineer(system, 5, 10);
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var holiday = admin.post("/api/engineers/" + onHoliday + "/schedule/overrides", """
                {"from":"%s","to":"%s","kind":"OFF_DUTY","note":"holiday"}"""
                .formatted(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7))));
        assertThat(holiday.status()).as(holiday.toString()).isEqualTo(201);

        String incident = fixtures.quietIncident(admin, system, "SEV1");
        scenario.awaitStatus(incident, "ESCALATED");
        assertThat(entries(admin.get("/api/incidents/" + incident).json().path("timeline"), "OFFERED")).isEmpty();

        var removed = admin.exchange(HttpMethod.DELETE,
                "/api/engineers/" + onHoliday + "/schedule/overrides/" + holiday.get("id"), null, null);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        var rerouted = admin.post("/api/incidents/" + incident + "/reroute", "{\"reason\":\"back from holiday\"}");
        assertThat(rerouted.status()).as(rerouted.toString()).isEqualTo(200);
        pendingOffer(fixtures.as(scenario.engineerUser(onHoliday)), incident);
    }

    @Test
    void anEngineerOnDutyFarDownTheRankingIsRungBeforeTheIncidentEscalates() {
        String system = fixtures.system(fixtures.customer());
        // More off-duty experts than routing first looks at for a one-engineer SEV3 wave.
        var offDutyExperts = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            String expert = fixtures.engineer(system, 5, 10);
            schedule(expert, "{\"workingHours\":{}}");
            offDutyExperts.add(expert);
        }
        String novice = fixtures.engineer(system, 1, 10);

        String incident = fixtures.quietIncident(admin, system, "SEV3");
        pendingOffer(fixtures.as(scenario.engineerUser(novice)), incident);
        var offered = entries(admin.get("/api/incidents/" + incident).json().path("timeline"), "OFFERED");
        assertThat(offered).singleElement().asString().contains(novice);
        offDutyExperts.forEach(expert -> assertThat(offered.getFirst().toString()).doesNotContain(expert));
    }

    private void schedule(String engineerId, String pattern) {
        var response = admin.put("/api/engineers/" + engineerId + "/schedule", pattern);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
