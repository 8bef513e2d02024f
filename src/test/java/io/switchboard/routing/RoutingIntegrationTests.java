package io.switchboard.routing;

import static io.switchboard.routing.RoutingScenario.entries;
import static io.switchboard.routing.RoutingScenario.nextFor;
import static io.switchboard.routing.RoutingScenario.pendingOffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * How routing moves: decline and timeout move on to the next candidate, running out escalates, exactly
 * one accept wins, a dispatcher's assignment stops the ringing, and a resolution teaches the ranking.
 * Incidents are titled with words nobody else uses, so only the engineers a test declares on its own
 * system are candidates.
 */
@IntegrationTest
class RoutingIntegrationTests {
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(60);

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
    void theOpeningIsAnsweredWithItsFirstWaveAlreadyRinging() {
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 5, 10);
        var engineerApi = fixtures.as(scenario.engineerUser(engineer));

        var opened = admin.post("/api/incidents", """
                {"systemId":"%s","severity":"SEV3","title":"%s %s","description":"%s"}"""
                .formatted(system, Fixtures.nonsenseWord(), Fixtures.nonsenseWord(), Fixtures.nonsenseWord()));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.get("status")).isEqualTo("ROUTING");
        var timeline = opened.json().path("timeline");
        assertThat(entries(timeline, "OFFERED")).singleElement().asString().contains(engineer);
        // stored with the incident, so no waiting: the offer is there as soon as the opening is answered
        assertThat(engineerApi.get("/api/me/offers").json().findValuesAsString("incidentId")).contains(opened.get("id"));
    }

    @Test
    void declineMovesOnAtOnceToTheNextCandidateAndNeverAsksTheDeclinerAgain() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String best = fixtures.engineer(system, 5, 10);
        String second = fixtures.engineer(system, 2, 10);
        try (var bestClient = scenario.connect(scenario.engineerUser(best));
                var secondClient = scenario.connect(scenario.engineerUser(second))) {
            var bestOffers = bestClient.subscribe("/user/queue/offers");
            var secondOffers = secondClient.subscribe("/user/queue/offers");
            String incident = fixtures.quietIncident(admin, system, "SEV3");

            var first = offerFor(bestOffers, incident);
            var declined = fixtures.as(scenario.userOf(best)).post("/api/offers/" + first.path("offerId").asString() + "/decline",
                    "{\"reason\":\"at another site\"}");
            assertThat(declined.status()).as(declined.toString()).isEqualTo(200);

            var next = offerFor(secondOffers, incident);
            assertThat(next.path("offerId").asString()).isNotEqualTo(first.path("offerId").asString());
            var declinedAgain = fixtures.as(scenario.userOf(second)).post("/api/offers/" + next.path("offerId").asString() + "/decline", "");
            assertThat(declinedAgain.status()).as(declinedAgain.toString()).isEqualTo(200);

            scenario.awaitStatus(incident, "ESCALATED");
            assertThat(fixtures.as(scenario.userOf(best)).get("/api/me/offers").json().findValuesAsString("incidentId"))
                    .doesNotContain(incident);
            var timeline = admin.get("/api/incidents/" + incident).json().path("timeline");
            assertThat(entries(timeline, "DECLINED")).hasSize(2);
            assertThat(entries(timeline, "DECLINED").getFirst()).contains("at another site");
            assertThat(entries(timeline, "OFFERED")).hasSize(2);
            assertThat(entries(timeline, "OFFERED")).filteredOn(detail -> detail.contains(best)).hasSize(1);
            assertThat(entries(timeline, "OFFERED")).filteredOn(detail -> detail.contains(second)).hasSize(1);
        }
    }

    @Test
    void anUnansweredOfferTimesOutAndTheNextCandidateIsAsked() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String best = fixtures.engineer(system, 5, 10);
        String second = fixtures.engineer(system, 2, 10);
        try (var bestClient = scenario.connect(scenario.engineerUser(best));
                var secondClient = scenario.connect(scenario.engineerUser(second))) {
            var bestOffers = bestClient.subscribe("/user/queue/offers");
            var secondOffers = secondClient.subscribe("/user/queue/offers");
            String incident = fixtures.quietIncident(admin, system, "SEV3");
            var first = offerFor(bestOffers, incident);
            assertThat(fixtures.as(scenario.userOf(second)).get("/api/me/offers").json().findValuesAsString("incidentId"))
                    .doesNotContain(incident);

            clock.advance(OFFER_TIMEOUT.plusSeconds(1));

            var next = offerFor(secondOffers, incident);
            assertThat(next.path("incidentId").asString()).isEqualTo(incident);
            var withdrawn = StompTestClient.next(bestOffers, "OFFER_WITHDRAWN", 10);
            assertThat(withdrawn.path("offerId").asString()).isEqualTo(first.path("offerId").asString());
            var timeline = admin.get("/api/incidents/" + incident).json().path("timeline");
            assertThat(entries(timeline, "EXPIRED")).singleElement().asString().contains(best);
            assertThat(admin.get("/api/incidents/" + incident).get("status")).isEqualTo("ROUTING");
        }
    }

    @Test
    void acceptingAnExpiredOfferIsAConflict() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String engineer = fixtures.engineer(system, 5, 10);
        var engineerApi = fixtures.as(scenario.engineerUser(engineer));
        String incident = fixtures.quietIncident(admin, system, "SEV4");
        String offer = pendingOffer(engineerApi, incident);

        clock.advance(OFFER_TIMEOUT.plusSeconds(1));
        var accepted = engineerApi.post("/api/offers/" + offer + "/accept", "");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(409);
        assertThat(accepted.headers().getContentType().toString()).startsWith("application/problem+json");
        var read = admin.get("/api/incidents/" + incident);
        assertThat(read.get("assignee")).isNull();
        // with nobody else to ask, the expiry ran routing out of candidates
        scenario.awaitStatus(incident, "ESCALATED");
    }

    @Test
    void runningOutOfCandidatesEscalatesToTheBoardWithAReason() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String only = fixtures.engineer(system, 4, 10);
        String dispatcher = fixtures.dispatcherUser();
        try (var engineerClient = scenario.connect(scenario.engineerUser(only));
                var boardClient = scenario.connect(dispatcher)) {
            var offers = engineerClient.subscribe("/user/queue/offers");
            var board = boardClient.subscribe("/topic/board");
            String incident = fixtures.quietIncident(admin, system, "SEV4");
            var offer = offerFor(offers, incident);

            var declined = fixtures.as(scenario.userOf(only)).post("/api/offers/" + offer.path("offerId").asString() + "/decline", "{}");
            assertThat(declined.status()).isEqualTo(200);

            var escalated = nextFor(board, "ESCALATED", incident);
            assertThat(escalated.path("reason").asString()).isNotBlank();
            var read = fixtures.as(dispatcher).get("/api/incidents/" + incident);
            assertThat(read.get("status")).isEqualTo("ESCALATED");
            assertThat(entries(read.json().path("timeline"), "ESCALATED")).singleElement().asString()
                    .isEqualTo(escalated.path("reason").asString());
            assertThat(fixtures.as(dispatcher).get("/api/incidents?status=ESCALATED&limit=500").json()
                    .path("items").findValuesAsString("id")).contains(incident);
        }
    }

    @Test
    void parallelAcceptsOfOneIncidentGiveExactlyOneWinner() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String one = fixtures.engineer(system, 5, 100);
        String two = fixtures.engineer(system, 5, 100);
        var oneApi = fixtures.as(scenario.engineerUser(one));
        var twoApi = fixtures.as(scenario.engineerUser(two));
        var executor = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                // SEV1 rings three engineers at once: both of ours get an offer for the same incident
                String incident = fixtures.quietIncident(admin, system, "SEV1");
                String offerOne = pendingOffer(oneApi, incident);
                String offerTwo = pendingOffer(twoApi, incident);
                var start = new CountDownLatch(1);
                Future<Api.Response> first = executor.submit(() -> {
                    start.await();
                    return oneApi.post("/api/offers/" + offerOne + "/accept", "");
                });
                Future<Api.Response> second = executor.submit(() -> {
                    start.await();
                    return twoApi.post("/api/offers/" + offerTwo + "/accept", "");
                });
                start.countDown();
                var answers = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));

                assertThat(answers.stream().map(Api.Response::status).sorted().toList())
                        .as("round " + round + ": " + answers).containsExactly(200, 409);
                String winner = answers.get(0).status() == 200 ? one : two;
                var read = admin.get("/api/incidents/" + incident);
                assertThat(read.get("status")).isEqualTo("ASSIGNED");
                assertThat(read.get("assignee")).isEqualTo(winner);
                assertThat(entries(read.json().path("timeline"), "ACCEPTED")).hasSize(1);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aDispatcherAssignmentWithdrawsPendingOffersAndAssigns() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String offered = fixtures.engineer(system, 5, 10);
        String chosen = fixtures.engineer(system, 1, 10);
        var dispatcher = fixtures.as(fixtures.dispatcherUser());
        try (var offeredClient = scenario.connect(scenario.engineerUser(offered))) {
            var offers = offeredClient.subscribe("/user/queue/offers");
            String incident = fixtures.quietIncident(admin, system, "SEV4");
            var offer = offerFor(offers, incident);

            var assigned = dispatcher.post("/api/incidents/" + incident + "/assign",
                    "{\"engineerId\":\"" + chosen + "\",\"reason\":\"knows the site\"}");

            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
            assertThat(assigned.get("status")).isEqualTo("ASSIGNED");
            assertThat(assigned.get("assignee")).isEqualTo(chosen);
            var withdrawn = StompTestClient.next(offers, "OFFER_WITHDRAWN", 10);
            assertThat(withdrawn.path("offerId").asString()).isEqualTo(offer.path("offerId").asString());
            assertThat(withdrawn.path("incidentId").asString()).isEqualTo(incident);
            assertThat(withdrawn.path("reason").asString()).isNotBlank();
            var offeredApi = fixtures.as(scenario.userOf(offered));
            assertThat(offeredApi.get("/api/me/offers").json().findValuesAsString("incidentId")).doesNotContain(incident);
            var late = offeredApi.post("/api/offers/" + offer.path("offerId").asString() + "/accept", "");
            assertThat(late.status()).as(late.toString()).isEqualTo(409);
            var read = admin.get("/api/incidents/" + incident);
            assertThat(read.get("status")).isEqualTo("ASSIGNED");
            assertThat(read.get("assignee")).isEqualTo(chosen);
            var chosenApi = fixtures.as(scenario.engineerUser(chosen));
            assertThat(chosenApi.get("/api/me/incidents").json().findValuesAsString("id")).contains(incident);
            assertThat(chosenApi.get("/api/incidents/" + incident).status()).isEqualTo(200);
        }
    }

    @Test
    void aDispatcherResolvingARingingIncidentWithdrawsItsOffer() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String offered = fixtures.engineer(system, 5, 10);
        var dispatcher = fixtures.as(fixtures.dispatcherUser());
        try (var offeredClient = scenario.connect(scenario.engineerUser(offered))) {
            var offers = offeredClient.subscribe("/user/queue/offers");
            String incident = fixtures.quietIncident(admin, system, "SEV4");
            var offer = offerFor(offers, incident);

            var resolved = dispatcher.post("/api/incidents/" + incident + "/resolve", "{\"resolution\":\"fixed remotely\"}");

            assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
            var withdrawn = StompTestClient.next(offers, "OFFER_WITHDRAWN", 10);
            assertThat(withdrawn.path("offerId").asString()).isEqualTo(offer.path("offerId").asString());
            assertThat(withdrawn.path("reason").asString()).isEqualTo("the incident was resolved");
            var late = fixtures.as(scenario.userOf(offered)).post("/api/offers/" + offer.path("offerId").asString() + "/accept", "");
            assertThat(late.status()).as(late.toString()).isEqualTo(409);
        }
    }

    @Test
    void theAssignedEngineerResolvesAndTheResolutionTeachesTheRecommendation() throws Exception {
        String customer = fixtures.customer();
        String system = fixtures.system(customer);
        String resolver = fixtures.engineer(system, 3, 10);
        var resolverApi = fixtures.as(scenario.engineerUser(resolver));
        String symptom = Fixtures.nonsenseWord();
        String cause = Fixtures.nonsenseWord();
        var opened = admin.post("/api/incidents", """
                {"systemId":"%s","severity":"SEV3","title":"%s alarm on the %s",
                 "description":"The %s alarm keeps firing since the %s was replaced"}"""
                .formatted(system, symptom, cause, symptom, cause));
        assertThat(opened.status()).isEqualTo(201);
        String incident = opened.get("id");
        String offer = pendingOffer(resolverApi, incident);
        assertThat(resolverApi.post("/api/offers/" + offer + "/accept", "").status()).isEqualTo(200);
        assertThat(resolverApi.get("/api/me/incidents").json().findValuesAsString("id")).contains(incident);

        var resolved = resolverApi.post("/api/incidents/" + incident + "/resolve",
                "{\"resolution\":\"Recalibrated the " + cause + " and cleared the " + symptom + " alarm\"}");

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.get("status")).isEqualTo("RESOLVED");
        var read = admin.get("/api/incidents/" + incident);
        assertThat(read.get("status")).isEqualTo("RESOLVED");
        assertThat(read.get("resolvedBy")).isEqualTo(resolver);
        assertThat(entries(read.json().path("timeline"), "RESOLVED")).hasSize(1);
        assertThat(resolverApi.get("/api/me/incidents").json().findValuesAsString("id")).doesNotContain(incident);
        assertThat(resolverApi.post("/api/incidents/" + incident + "/resolve", "{\"resolution\":\"again\"}").status())
                .isEqualTo(409);

        // a new system nobody declared, with an incident like the one just resolved
        String newSystem = fixtures.system(customer);
        var recommended = admin.post("/api/engineers/recommend", """
                {"systemId":"%s","title":"%s alarm again","description":"the %s alarm is back after maintenance of the %s"}"""
                .formatted(newSystem, symptom, symptom, cause));
        assertThat(recommended.status()).as(recommended.toString()).isEqualTo(200);
        var top = recommended.json().path("hits").get(0);
        assertThat(top.path("engineerId").asString()).as(recommended.toString()).isEqualTo(resolver);
        assertThat(top.path("reasons").size()).isPositive();
        assertThat(top.path("reasons").get(0).path("detail").asString()).isNotBlank();
    }

    // ---- helpers

    private JsonNode offerFor(BlockingQueue<JsonNode> queue, String incident) throws InterruptedException {
        return nextFor(queue, "OFFER", incident);
    }
}
