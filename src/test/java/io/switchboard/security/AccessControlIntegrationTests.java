package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

/**
 * Who may not: every endpoint of the contract (and the extras) answers 401 without or with wrong
 * credentials, 403 for a role or tenant that may not, and 404 for ids that do not exist. A few
 * "may" rows next to the "may not" ones prove the refusals are not refusing everyone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlIntegrationTests {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    /** Callers by name: admin, dispatcher, customerA, customerB, engineer1 (offered incA), engineer2 (uninvolved). */
    Map<String, Api> callers;
    String customerA;
    String customerB;
    String systemA;
    String systemB;
    String engineer1;
    String engineer2;
    String incidentA;
    String offerToEngineer1;

    @BeforeAll
    void world() {
        fixtures = new Fixtures(port);
        customerA = fixtures.customer();
        customerB = fixtures.customer();
        systemA = fixtures.system(customerA);
        systemB = fixtures.system(customerB);
        engineer1 = fixtures.engineer(systemA, 5, 10);
        engineer2 = fixtures.engineer(systemB, 5, 10);
        var customerUserA = fixtures.customerUser(customerA);
        var customerUserB = fixtures.customerUser(customerB);
        var engineerUser1 = fixtures.engineerUser(engineer1);
        var engineerUser2 = fixtures.engineerUser(engineer2);
        var dispatcher = fixtures.dispatcherUser();
        callers = Map.of(
                "admin", fixtures.admin(),
                "dispatcher", fixtures.as(dispatcher),
                "customerA", fixtures.as(customerUserA),
                "customerB", fixtures.as(customerUserB),
                "engineer1", fixtures.as(engineerUser1),
                "engineer2", fixtures.as(engineerUser2));
        incidentA = fixtures.quietIncident(callers.get("customerA"), systemA, "SEV4");
        offerToEngineer1 = await().atMost(Duration.ofSeconds(10)).until(
                () -> callers.get("engineer1").get("/api/me/offers").json(),
                offers -> offers != null && offers.size() > 0)
                .get(0).path("offerId").asString();
    }

    /** A valid weekly pattern and override, so only the caller decides the answer. */
    static final String WEEKLY = "{\"workingHours\":{\"MONDAY\":[{\"from\":\"08:00\",\"to\":\"17:00\"}]}}";
    static final String OVERRIDE = "{\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-01-02T00:00:00Z\",\"kind\":\"OFF_DUTY\"}";

    record Call(HttpMethod method, String path, String body, MediaType type) {
        static Call get(String path) {
            return new Call(HttpMethod.GET, path, null, null);
        }

        static Call post(String path, String body) {
            return new Call(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
        }

        static Call put(String path, String body) {
            return new Call(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON);
        }

        static Call delete(String path) {
            return new Call(HttpMethod.DELETE, path, null, null);
        }

        Api.Response by(Api api) {
            return api.exchange(method, path, body, type == null ? MediaType.APPLICATION_JSON : type);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every endpoint, with a body that would be valid, so only the caller decides the answer. */
    List<Call> everyEndpoint() {
        return List.of(
                Call.get("/api/me"),
                Call.get("/api/users"),
                Call.post("/api/users", """
                        {"username":"%s","password":"secret-pw","role":"DISPATCHER"}""".formatted(Fixtures.unique("u"))),
                Call.get("/api/customers"),
                Call.post("/api/customers", "{\"name\":\"Acme\"}"),
                Call.get("/api/customers/" + customerA + "/systems"),
                Call.post("/api/customers/" + customerA + "/systems", "{\"name\":\"S\",\"product\":\"P\"}"),
                Call.get("/api/systems"),
                Call.get("/api/systems/" + systemA),
                Call.get("/api/engineers"),
                Call.post("/api/engineers", "{\"name\":\"Nobody\"}"),
                Call.get("/api/engineers/" + engineer1),
                new Call(HttpMethod.PATCH, "/api/engineers/" + engineer1, "{\"maxActive\":10}", MediaType.APPLICATION_JSON),
                Call.get("/api/engineers/search?q=diagnostics"),
                Call.post("/api/engineers/recommend", "{\"title\":\"pump\"}"),
                Call.get("/api/engineers/suggest?prefix=di"),
                new Call(HttpMethod.POST, "/api/import", "{\"type\":\"customer\",\"name\":\"x\"}\n",
                        MediaType.parseMediaType("application/x-ndjson")),
                Call.post("/api/incidents", """
                        {"systemId":"%s","severity":"SEV4","title":"t","description":"d"}""".formatted(systemA)),
                Call.get("/api/incidents"),
                Call.get("/api/incidents/" + incidentA),
                Call.post("/api/incidents/" + incidentA + "/assign", "{\"engineerId\":\"" + engineer1 + "\"}"),
                Call.post("/api/incidents/" + incidentA + "/resolve", "{\"resolution\":\"fixed\"}"),
                Call.post("/api/incidents/" + incidentA + "/broadcast", "{\"reason\":\"all hands\"}"),
                new Call(HttpMethod.PUT, "/api/me/status", "{\"status\":\"AVAILABLE\"}", MediaType.APPLICATION_JSON),
                Call.get("/api/me/offers"),
                Call.get("/api/me/incidents"),
                Call.post("/api/offers/" + offerToEngineer1 + "/accept", ""),
                Call.post("/api/offers/" + offerToEngineer1 + "/decline", "{\"reason\":\"busy\"}"),
                Call.get("/api/engineers/" + engineer1 + "/schedule"),
                Call.put("/api/engineers/" + engineer1 + "/schedule", WEEKLY),
                Call.delete("/api/engineers/" + engineer1 + "/schedule"),
                Call.post("/api/engineers/" + engineer1 + "/schedule/overrides", OVERRIDE),
                Call.delete("/api/engineers/" + engineer1 + "/schedule/overrides/some-override"),
                Call.get("/api/me/schedule"),
                Call.put("/api/me/schedule", WEEKLY),
                Call.delete("/api/me/schedule"),
                Call.post("/api/me/schedule/overrides", OVERRIDE),
                Call.delete("/api/me/schedule/overrides/some-override"),
                Call.get("/api/on-call"),
                Call.get("/v3/api-docs"));
    }

    Stream<Arguments> unauthenticated() {
        var rows = new ArrayList<Arguments>();
        for (var call : everyEndpoint()) {
            rows.add(Arguments.of(call, "no credentials", Api.anonymous(port)));
            rows.add(Arguments.of(call, "wrong password", Api.as(port, "admin", "not-the-password")));
            rows.add(Arguments.of(call, "unknown user", Api.as(port, Fixtures.unique("ghost"), "whatever")));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} with {1} is 401")
    @MethodSource("unauthenticated")
    void everyEndpointRefusesCallersWithoutValidCredentials(Call call, String how, Api api) {
        var response = call.by(api);
        assertThat(response.status()).as(call + " " + response).isEqualTo(401);
        assertProblem(response, 401);
    }

    Stream<Arguments> forbidden() {
        String otherCustomersIncident = fixtures.quietIncident(callers.get("customerB"), systemB, "SEV4");
        var validSystem = "{\"name\":\"S\",\"product\":\"P\"}";
        var validIncidentOnA = """
                {"systemId":"%s","severity":"SEV4","title":"t","description":"d"}""".formatted(systemA);
        var validIncidentOnB = """
                {"systemId":"%s","severity":"SEV4","title":"t","description":"d"}""".formatted(systemB);
        var rows = new ArrayList<Arguments>();
        // admin only
        for (String who : List.of("dispatcher", "customerA", "engineer1")) {
            rows.add(row(who, Call.get("/api/users")));
            rows.add(row(who, Call.post("/api/users", """
                    {"username":"%s","password":"secret-pw","role":"ADMIN"}""".formatted(Fixtures.unique("u")))));
            rows.add(row(who, Call.post("/api/customers", "{\"name\":\"Acme\"}")));
            rows.add(row(who, Call.post("/api/customers/" + customerA + "/systems", validSystem)));
            rows.add(row(who, Call.post("/api/engineers", "{\"name\":\"Nobody\"}")));
            rows.add(row(who, new Call(HttpMethod.PATCH, "/api/engineers/" + engineer1, "{\"maxActive\":10}",
                    MediaType.APPLICATION_JSON)));
            rows.add(row(who, new Call(HttpMethod.POST, "/api/import", "{\"type\":\"customer\",\"name\":\"x\"}\n",
                    MediaType.parseMediaType("application/x-ndjson"))));
        }
        // staff only: ADMIN and DISPATCHER
        for (String who : List.of("customerA", "engineer1")) {
            rows.add(row(who, Call.get("/api/customers")));
            rows.add(row(who, Call.get("/api/engineers")));
            rows.add(row(who, Call.get("/api/engineers/search?q=diagnostics")));
            rows.add(row(who, Call.post("/api/engineers/recommend", "{\"title\":\"pump\"}")));
            rows.add(row(who, Call.get("/api/engineers/suggest?prefix=di")));
            rows.add(row(who, Call.post("/api/incidents/" + incidentA + "/assign", "{\"engineerId\":\"" + engineer1 + "\"}")));
            rows.add(row(who, Call.post("/api/incidents/" + incidentA + "/broadcast", "{\"reason\":\"all hands\"}")));
        }
        // engineers only
        for (String who : List.of("admin", "dispatcher", "customerA")) {
            rows.add(row(who, new Call(HttpMethod.PUT, "/api/me/status", "{\"status\":\"AVAILABLE\"}", MediaType.APPLICATION_JSON)));
            rows.add(row(who, Call.get("/api/me/offers")));
            rows.add(row(who, Call.get("/api/me/incidents")));
            rows.add(row(who, Call.post("/api/offers/" + offerToEngineer1 + "/accept", "")));
            rows.add(row(who, Call.post("/api/offers/" + offerToEngineer1 + "/decline", "{}")));
        }
        // schedules: staff by engineer id, an engineer only their own under /api/me, customers never
        for (String who : List.of("customerA", "engineer1")) {
            for (String engineer : List.of(engineer1, engineer2)) {
                rows.add(row(who, Call.get("/api/engineers/" + engineer + "/schedule")));
                rows.add(row(who, Call.put("/api/engineers/" + engineer + "/schedule", WEEKLY)));
                rows.add(row(who, Call.delete("/api/engineers/" + engineer + "/schedule")));
                rows.add(row(who, Call.post("/api/engineers/" + engineer + "/schedule/overrides", OVERRIDE)));
                rows.add(row(who, Call.delete("/api/engineers/" + engineer + "/schedule/overrides/some-override")));
            }
            rows.add(row(who, Call.get("/api/on-call")));
        }
        for (String who : List.of("admin", "dispatcher", "customerA")) {
            rows.add(row(who, Call.get("/api/me/schedule")));
            rows.add(row(who, Call.put("/api/me/schedule", WEEKLY)));
            rows.add(row(who, Call.delete("/api/me/schedule")));
            rows.add(row(who, Call.post("/api/me/schedule/overrides", OVERRIDE)));
            rows.add(row(who, Call.delete("/api/me/schedule/overrides/some-override")));
        }
        rows.add(row("engineer2", Call.put("/api/engineers/" + engineer1 + "/schedule", "{\"workingHours\":{\"MONDAY\":\"x\"}}")));
        // a caller who may not gets 403 whatever the body: validation does not run for them
        rows.add(row("customerA", Call.post("/api/customers", "{}")));
        rows.add(row("dispatcher", Call.post("/api/engineers", "{\"name\":\"\"}")));
        rows.add(row("engineer1", Call.post("/api/users", "not json")));
        rows.add(row("engineer1", Call.post("/api/incidents", "{\"severity\":\"SEV9\"}")));
        rows.add(row("customerA", Call.post("/api/incidents/" + incidentA + "/assign", "{}")));
        rows.add(row("engineer1", Call.post("/api/incidents/" + incidentA + "/broadcast", "{\"reason\":")));
        rows.add(row("dispatcher", new Call(HttpMethod.PUT, "/api/me/status", "{\"status\":\"Y\"}", MediaType.APPLICATION_JSON)));
        rows.add(row("customerA", Call.post("/api/engineers/recommend", "{}")));
        rows.add(row("customerA", Call.get("/api/engineers/search?q=\"unbalanced")));
        rows.add(row("engineer1", Call.get("/api/engineers?limit=0")));
        // engineers may not open incidents
        rows.add(row("engineer1", Call.post("/api/incidents", validIncidentOnA)));
        // another customer's things
        rows.add(row("customerB", Call.get("/api/incidents/" + incidentA)));
        rows.add(row("customerA", Call.get("/api/incidents/" + otherCustomersIncident)));
        rows.add(row("customerB", Call.get("/api/incidents?customerId=" + customerA)));
        rows.add(row("customerA", Call.get("/api/customers/" + customerB + "/systems")));
        rows.add(row("customerA", Call.get("/api/systems/" + systemB)));
        rows.add(row("customerA", Call.post("/api/incidents", validIncidentOnB)));
        // engineers see their own record and incidents they were offered, nothing else
        rows.add(row("engineer2", Call.get("/api/incidents/" + incidentA)));
        rows.add(row("engineer1", Call.get("/api/engineers/" + engineer2)));
        rows.add(row("customerA", Call.get("/api/engineers/" + engineer1)));
        rows.add(row("engineer1", new Call(HttpMethod.PATCH, "/api/engineers/" + engineer1, "{\"maxActive\":10}",
                MediaType.APPLICATION_JSON)));
        // resolving is for the assigned engineer and dispatchers
        rows.add(row("customerA", Call.post("/api/incidents/" + incidentA + "/resolve", "{\"resolution\":\"fixed\"}")));
        rows.add(row("engineer2", Call.post("/api/incidents/" + incidentA + "/resolve", "{\"resolution\":\"fixed\"}")));
        rows.add(row("engineer1", Call.post("/api/incidents/" + incidentA + "/resolve", "{\"resolution\":\"fixed\"}")));
        // another engineer's offer
        rows.add(row("engineer2", Call.post("/api/offers/" + offerToEngineer1 + "/accept", "")));
        rows.add(row("engineer2", Call.post("/api/offers/" + offerToEngineer1 + "/decline", "{\"reason\":\"mine now\"}")));
        return rows.stream();
    }

    private Arguments row(String who, Call call) {
        return Arguments.of(who, call);
    }

    @ParameterizedTest(name = "{0}: {1} is 403")
    @MethodSource("forbidden")
    void callersWhoseRoleOrTenantMayNotAreRefusedWith403(String who, Call call) {
        var response = call.by(callers.get(who));
        assertThat(response.status()).as(who + " " + call + " " + response).isEqualTo(403);
        assertProblem(response, 403);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void refusedCallsChangedNothing() {
        // runs after the tables: whatever they refused, nobody accepted, declined, assigned or resolved anything
        var incident = callers.get("admin").get("/api/incidents/" + incidentA);
        assertThat(incident.get("assignee")).isNull();
        assertThat(incident.get("status")).isIn("ROUTING", "ESCALATED"); // the offer may have run out in real time
        assertThat(incident.json().path("timeline").findValuesAsString("type"))
                .doesNotContain("ACCEPTED", "DECLINED", "ASSIGNED", "RESOLVED", "BROADCAST");
        var engineer = callers.get("admin").get("/api/engineers/" + engineer1);
        assertThat(engineer.json().path("maxActive").asInt()).isEqualTo(10);
        assertThat(engineer.get("status")).isEqualTo("AVAILABLE");
        var schedule = callers.get("admin").get("/api/engineers/" + engineer1 + "/schedule");
        assertThat(schedule.json().has("workingHours")).as(schedule.toString()).isFalse();
        assertThat(schedule.json().path("overrides").size()).isZero();
    }

    Stream<Arguments> unknownIds() {
        String nope = Fixtures.unique("NOPE");
        return Stream.of(
                Arguments.of("admin", Call.get("/api/systems/" + nope)),
                Arguments.of("customerA", Call.get("/api/systems/" + nope)),
                Arguments.of("admin", Call.get("/api/customers/" + nope + "/systems")),
                Arguments.of("admin", Call.post("/api/customers/" + nope + "/systems", "{\"name\":\"S\",\"product\":\"P\"}")),
                Arguments.of("admin", Call.get("/api/engineers/" + nope)),
                Arguments.of("dispatcher", Call.get("/api/engineers/" + nope)),
                Arguments.of("admin", new Call(HttpMethod.PATCH, "/api/engineers/" + nope, "{\"maxActive\":3}",
                        MediaType.APPLICATION_JSON)),
                Arguments.of("admin", Call.get("/api/incidents/" + nope)),
                Arguments.of("customerA", Call.get("/api/incidents/" + nope)),
                Arguments.of("dispatcher", Call.post("/api/incidents/" + nope + "/assign", "{\"engineerId\":\"" + engineer1 + "\"}")),
                Arguments.of("dispatcher", Call.post("/api/incidents/" + nope + "/resolve", "{\"resolution\":\"fixed\"}")),
                Arguments.of("dispatcher", Call.post("/api/incidents/" + nope + "/broadcast", "{}")),
                Arguments.of("engineer1", Call.post("/api/offers/" + nope + "/accept", "")),
                Arguments.of("engineer1", Call.post("/api/offers/" + nope + "/decline", "{}")),
                Arguments.of("dispatcher", Call.get("/api/engineers/" + nope + "/schedule")),
                Arguments.of("admin", Call.put("/api/engineers/" + nope + "/schedule", WEEKLY)),
                Arguments.of("admin", Call.post("/api/engineers/" + nope + "/schedule/overrides", OVERRIDE)),
                Arguments.of("admin", Call.delete("/api/engineers/" + engineer1 + "/schedule/overrides/" + nope)),
                Arguments.of("engineer1", Call.delete("/api/me/schedule/overrides/" + nope)),
                Arguments.of("admin", Call.get("/api/" + nope)));
    }

    @ParameterizedTest(name = "{0}: {1} is 404")
    @MethodSource("unknownIds")
    void unknownIdsAre404(String who, Call call) {
        var response = call.by(callers.get(who));
        assertThat(response.status()).as(who + " " + call + " " + response).isEqualTo(404);
        assertProblem(response, 404);
    }

    Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("customerA", Call.get("/api/incidents/" + incidentA)),
                Arguments.of("engineer1", Call.get("/api/incidents/" + incidentA)),
                Arguments.of("dispatcher", Call.get("/api/incidents/" + incidentA)),
                Arguments.of("customerA", Call.get("/api/incidents?customerId=" + customerA)),
                Arguments.of("customerA", Call.get("/api/customers/" + customerA + "/systems")),
                Arguments.of("customerA", Call.get("/api/systems/" + systemA)),
                Arguments.of("engineer1", Call.get("/api/engineers/" + engineer1)),
                Arguments.of("dispatcher", Call.get("/api/engineers/" + engineer1)),
                Arguments.of("dispatcher", Call.get("/api/customers")),
                Arguments.of("dispatcher", Call.get("/api/engineers/search?q=diagnostics")),
                Arguments.of("engineer1", Call.get("/api/me/offers")),
                Arguments.of("engineer1", Call.get("/api/me/incidents")),
                Arguments.of("engineer1", Call.get("/api/me/schedule")),
                Arguments.of("dispatcher", Call.get("/api/engineers/" + engineer2 + "/schedule")),
                Arguments.of("admin", Call.get("/api/engineers/" + engineer1 + "/schedule")),
                Arguments.of("dispatcher", Call.get("/api/on-call?systemId=" + systemA)));
    }

    @ParameterizedTest(name = "{0}: {1} is allowed")
    @MethodSource("allowed")
    void callersWhoMayAreServed(String who, Call call) {
        var response = call.by(callers.get(who));
        assertThat(response.status()).as(who + " " + call + " " + response).isEqualTo(200);
    }

    @Test
    void everySignedInRoleReadsItselfAndTheApiDocs() {
        for (var entry : callers.entrySet()) {
            var me = entry.getValue().get("/api/me");
            assertThat(me.status()).as(entry.getKey() + " " + me).isEqualTo(200);
            assertThat(me.json().has("password")).isFalse();
            var docs = entry.getValue().get("/v3/api-docs");
            assertThat(docs.status()).as(entry.getKey()).isEqualTo(200);
            assertThat(docs.json().path("paths").has("/api/incidents")).isTrue();
        }
        assertThat(callers.get("customerA").get("/api/me").get("customerId")).isEqualTo(customerA);
        assertThat(callers.get("engineer1").get("/api/me").get("engineerId")).isEqualTo(engineer1);
    }

    @Test
    void healthIsUpWithoutCredentials() {
        var health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.get("status")).isEqualTo("UP");
    }

    @Test
    void customersListOnlyTheirOwnIncidentsAndSystems() {
        var incidents = callers.get("customerA").get("/api/incidents?limit=500");
        assertThat(incidents.json().path("items").findValuesAsString("customerId")).containsOnly(customerA);
        var systems = callers.get("customerA").get("/api/systems");
        assertThat(systems.json().findValuesAsString("customerId")).containsOnly(customerA);
        var engineerList = callers.get("engineer2").get("/api/incidents?limit=500");
        assertThat(engineerList.json().path("items").findValuesAsString("id")).doesNotContain(incidentA);
    }

    @Test
    void createdUsersNeverShowTheirPassword() {
        var created = callers.get("admin").post("/api/users", """
                {"username":"%s","password":"very-secret-pw","role":"DISPATCHER"}""".formatted(Fixtures.unique("d")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).doesNotContain("very-secret-pw").doesNotContain("password");
        var all = callers.get("admin").get("/api/users");
        assertThat(all.text()).doesNotContain("password").doesNotContain("{bcrypt}");
    }

    static void assertProblem(Api.Response response, int status) {
        assertThat(response.headers().getContentType()).as(response.toString())
                .isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "application/problem+json");
        assertThat(response.json()).as(response.toString()).isNotNull();
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.get("title")).isNotBlank();
        assertThat(response.get("detail")).isNotBlank();
    }
}
