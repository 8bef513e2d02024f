package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;

import io.switchboard.search.internal.LuceneEngineerIndex;
import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;

/**
 * Everything lives under the data folder: a server started again on the same folder knows every
 * customer, engineer, account, incident (with its timeline) and pending offer, and its search answers
 * the same. Starts its own two servers, one after the other; the shared test server is not involved.
 */
class RestartIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDataFolderKeepsEverything() throws Exception {
        String word = Fixtures.nonsenseWord();
        String skill = Fixtures.nonsenseWord();
        Snapshot before;
        String customer;
        String system;
        String engineer;
        String incident;
        String offer;
        String customerUser;
        String engineerUser;
        try (var app = start()) {
            int port = port(app);
            var fixtures = new Fixtures(port);
            var admin = fixtures.admin();
            customer = fixtures.customer();
            system = fixtures.system(customer);
            engineer = fixtures.engineer(system, 5, 4);
            assertThat(admin.patch("/api/engineers/" + engineer, "{\"skills\":[\"" + skill + "\"]}").status()).isEqualTo(200);
            customerUser = fixtures.customerUser(customer);
            engineerUser = fixtures.engineerUser(engineer);
            var imported = admin.post("/api/import", """
                    {"type":"incident","systemId":"%s","title":"%s overflow","description":"the %s buffer overflowed","resolution":"flushed the %s","resolvedBy":"%s"}
                    """.formatted(system, word, word, word, engineer), MediaType.parseMediaType("application/x-ndjson"));
            assertThat(imported.json().path("imported").path("incident").asInt()).as(imported.toString()).isEqualTo(1);
            incident = fixtures.quietIncident(fixtures.as(customerUser), system, "SEV4");
            var engineerApi = fixtures.as(engineerUser);
            offer = await().atMost(Duration.ofSeconds(10)).until(
                    () -> engineerApi.get("/api/me/offers").json(), offers -> offers != null && offers.size() == 1)
                    .get(0).path("offerId").asString();
            before = snapshot(port, customer, system, engineer, incident, customerUser, engineerUser, word, skill);
        }

        try (var app = start()) {
            int port = port(app);
            await().atMost(Duration.ofSeconds(10)).until(() -> Api.anonymous(port).get("/actuator/health").get("status"), "UP"::equals);
            var after = snapshot(port, customer, system, engineer, incident, customerUser, engineerUser, word, skill);

            assertThat(after).isEqualTo(before);
            assertThat(after.offers()).contains(offer);
            assertThat(after.incident()).contains("\"status\":\"ROUTING\"").contains("OFFERED");
            assertThat(after.recommended()).startsWith(engineer);
            assertThat(after.searched()).contains(engineer);
            // the pending offer is still live: the engineer can take it
            var accepted = Api.as(port, engineerUser, Fixtures.PASSWORD).post("/api/offers/" + offer + "/accept", "");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        }
    }

    @Test
    void theSearchIndexOpensBeforeTheServerTakesRequestsAndClosesOnlyAfterTheGracefulShutdown() {
        try (var app = start()) {
            // lifecycles start in ascending phase order and stop in descending order
            int index = app.getBean(LuceneEngineerIndex.class).getPhase();

            assertThat(index).isLessThan(app.getBean("webServerStartStop", SmartLifecycle.class).getPhase())
                    .isLessThan(app.getBean("webServerGracefulShutdown", SmartLifecycle.class).getPhase());
        }
    }

    record Snapshot(String customers, String system, String engineer, String incident, String customerMe,
            String engineerMe, String users, String offers, String recommended, String searched) {
    }

    private static Snapshot snapshot(int port, String customer, String system, String engineer, String incident,
            String customerUser, String engineerUser, String word, String skill) {
        var admin = Api.as(port, "admin", Fixtures.ADMIN_PASSWORD);
        var customerApi = Api.as(port, customerUser, Fixtures.PASSWORD);
        var engineerApi = Api.as(port, engineerUser, Fixtures.PASSWORD);
        var recommended = admin.post("/api/engineers/recommend",
                "{\"title\":\"%s overflow\",\"description\":\"the %s buffer\"}".formatted(word, word)).json().path("hits");
        var recommendedIds = new StringBuilder();
        recommended.forEach(hit -> recommendedIds.append(hit.path("engineerId").asString()).append(' '));
        var searched = admin.get("/api/engineers/search?q=" + skill).json();
        var searchedIds = new StringBuilder("total=" + searched.path("total").asLong() + " ");
        searched.path("hits").forEach(hit -> searchedIds.append(hit.path("engineer").path("id").asString()).append(' '));
        return new Snapshot(
                admin.get("/api/customers").text(),
                admin.get("/api/systems/" + system).text(),
                admin.get("/api/engineers/" + engineer).text(),
                customerApi.get("/api/incidents/" + incident).text(),
                customerApi.get("/api/me").text(),
                engineerApi.get("/api/me").text(),
                admin.get("/api/users").text(),
                engineerApi.get("/api/me/offers").text(),
                recommendedIds.toString().trim(),
                searchedIds.toString().trim());
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments: they win over application.yml (SpringApplicationBuilder.properties would not)
        return new SpringApplicationBuilder(SwitchboardApplication.class).run(
                "--server.port=0",
                "--switchboard.data-dir=" + dataDir,
                "--switchboard.admin-password=" + Fixtures.ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
