package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.support.LiveAssert;
import io.switchboard.support.StompTestClient;

@IntegrationTest
class MainPathIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void customerOpensBestEngineerGetsLiveOfferAcceptsAndCustomerSeesAssigned() throws Exception {
        var fixtures = new Fixtures(port);
        String customer = fixtures.customer();
        String system = fixtures.system(customer);
        String expert = fixtures.engineer(system, 5);
        String customerUser = fixtures.customerUser(customer);
        String engineerUser = fixtures.engineerUser(expert);
        String dispatcher = fixtures.dispatcherUser();

        try (var engineerClient = StompTestClient.connect(port, engineerUser, Fixtures.PASSWORD);
                var customerClient = StompTestClient.connect(port, customerUser, Fixtures.PASSWORD);
                var dispatcherClient = StompTestClient.connect(port, dispatcher, Fixtures.PASSWORD)) {
            var offers = engineerClient.subscribe("/user/queue/offers");
            var customerUpdates = customerClient.subscribe("/user/queue/incidents");
            var board = dispatcherClient.subscribe("/topic/board");

            String incident = fixtures.incident(fixtures.as(customerUser), system, "SEV2");

            var offer = StompTestClient.next(offers, "OFFER", 10);
            assertThat(offer.path("incidentId").asString()).isEqualTo(incident);
            assertThat(offer.path("severity").asString()).isEqualTo("SEV2");
            assertThat(offer.path("systemId").asString()).isEqualTo(system);

            var accepted = fixtures.as(engineerUser).post("/api/offers/" + offer.path("offerId").asString() + "/accept", "");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

            LiveAssert.awaitStatus(customerUpdates, incident, "ASSIGNED");
            var update = LiveAssert.awaitStatus(board, incident, "ASSIGNED");
            assertThat(update.path("assignee").asString()).isEqualTo(expert);

            var read = fixtures.as(customerUser).get("/api/incidents/" + incident);
            assertThat(read.get("status")).isEqualTo("ASSIGNED");
            assertThat(read.get("assignee")).isEqualTo(expert);
        }
    }
}
