package io.switchboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.web.OverloadedException;

/**
 * With every opening turn taken, a new incident is refused with a 503 and Retry-After and nothing is stored, while the
 * work already taken on (accepting an offer, resolving) goes through; who may not open incidents still gets a 403 and
 * bad input a 400.
 */
@IntegrationTest
class AdmissionIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    OpeningGate gate;

    @Autowired
    AdmissionSettings settings;

    private final TurnHolders holders = new TurnHolders();
    private final CountDownLatch release = new CountDownLatch(1);
    private Fixtures fixtures;
    private String system;
    private Api customer;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        String customerId = fixtures.customer();
        system = fixtures.system(customerId);
        customer = fixtures.as(fixtures.customerUser(customerId));
    }

    @AfterEach
    void letGo() {
        release.countDown();
        holders.close();
    }

    /** Takes every turn of the gate until the test ends, as a storm of slow openings would. */
    private void fillTheGate() throws InterruptedException {
        holders.hold(gate, Severity.SEV4, settings.maxConcurrent(), release, Duration.ofSeconds(10));
    }

    private Api.Response open(Api as, String severity) {
        return as.post("/api/incidents", """
                {"systemId":"%s","severity":"%s","title":"Line stopped %s","description":"nothing moves"}"""
                .formatted(system, severity, Fixtures.nonsenseWord()));
    }

    /** The customer is new for each test and has this one system. */
    private int incidentsOnTheSystem() {
        return customer.get("/api/incidents").json().path("total").asInt();
    }

    /** What an admin reads on /actuator/metrics. */
    private double refusedSev3() {
        return fixtures.admin().get("/actuator/metrics/switchboard.incidents.refused?tag=severity:SEV3").json()
                .path("measurements").get(0).path("value").asDouble();
    }

    @Test
    void aNewIncidentFindingNoTurnIsRefusedWithRetryAfterAndNothingIsStored() throws Exception {
        double refusedBefore = refusedSev3();
        fillTheGate();

        var refused = open(customer, "SEV3");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.headers().getFirst("Retry-After"))
                .isEqualTo(Long.toString(OverloadedException.wholeSeconds(settings.maxWait(Severity.SEV3, false))));
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.get("title")).isEqualTo("Overloaded");
        assertThat(refused.get("detail")).contains("not stored",
                "Send it again in " + refused.headers().getFirst("Retry-After") + " s.");
        assertThat(incidentsOnTheSystem()).isZero();
        assertThat(refusedSev3()).isEqualTo(refusedBefore + 1);

        release.countDown();
        var later = open(customer, "SEV3");
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat(incidentsOnTheSystem()).isEqualTo(1);
    }

    @Test
    void anUrgentIncidentWaitsLongerForItsTurn() throws Exception {
        fillTheGate();
        holders.threads().submit(() -> {
            Thread.sleep(settings.maxWait(Severity.SEV3, false).toMillis() + 500); // past a SEV3's wait, within a SEV1's
            release.countDown();
            return null;
        });

        var urgent = open(customer, "SEV1");

        assertThat(urgent.status()).as(urgent.toString()).isEqualTo(201);
    }

    @Test
    void acceptingAndResolvingAreNotHeldBackWhileOpeningsAre() throws Exception {
        String engineerId = fixtures.engineer(system, 5);
        var engineer = fixtures.as(fixtures.engineerUser(engineerId));
        String incident = fixtures.incident(customer, system, "SEV3");
        var offer = await().atMost(Duration.ofSeconds(10)).until(() -> engineer.get("/api/me/offers").json(),
                offers -> offers.size() > 0).get(0);
        assertThat(offer.path("incidentId").asString()).isEqualTo(incident);
        fillTheGate();

        var accepted = engineer.post("/api/offers/" + offer.path("offerId").asString() + "/accept", "{}");
        var resolved = engineer.post("/api/incidents/" + incident + "/resolve", "{\"resolution\":\"reset the PLC\"}");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    }

    @Test
    void aFullGateStillAnswersWrongRolesWith403AndBadInputWith400() throws Exception {
        String engineerId = fixtures.engineer(system, 3);
        fillTheGate();

        var engineer = open(fixtures.as(fixtures.engineerUser(engineerId)), "SEV3");
        var badSeverity = open(customer, "SEV9");

        assertThat(engineer.status()).as(engineer.toString()).isEqualTo(403);
        assertThat(badSeverity.status()).as(badSeverity.toString()).isEqualTo(400);
        assertThat(incidentsOnTheSystem()).isZero();
    }
}
