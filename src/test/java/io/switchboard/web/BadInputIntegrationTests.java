package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Bad input on every endpoint that takes a body or a query: always a 4xx problem detail that says what
 * was wrong (naming the fields where there are fields), never a 500, and nothing stored changes (checked
 * once after all of them: each request costs a password check, so per-call snapshots would be slow).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIntegrationTests {
    /** Larger than switchboard.web.max-body-size (1MB). */
    private static final String HUGE = "x".repeat(1024 * 1024 + 10);

    @LocalServerPort
    int port;

    Api admin;
    Api dispatcher;
    Api engineer;
    Api customerUser;
    String customer;
    String system;
    String engineerId;
    String incident;
    String offer;
    /** What is stored before the bad calls; the same after them. */
    List<String> before;
    /** Every id or username a bad call tries to create; none of them may exist afterwards. */
    final String badId = Fixtures.unique("BAD");

    @BeforeAll
    void world() {
        var fixtures = new Fixtures(port);
        admin = fixtures.admin();
        customer = fixtures.customer();
        system = fixtures.system(customer);
        engineerId = fixtures.engineer(system, 5, 10);
        engineer = fixtures.as(fixtures.engineerUser(engineerId));
        dispatcher = fixtures.as(fixtures.dispatcherUser());
        customerUser = fixtures.as(fixtures.customerUser(customer));
        incident = fixtures.quietIncident(customerUser, system, "SEV4");
        offer = await().atMost(Duration.ofSeconds(10))
                .until(() -> engineer.get("/api/me/offers").json(), offers -> offers != null && offers.size() > 0)
                .get(0).path("offerId").asString();
        before = storedState();
    }

    /** One bad call: who makes it, what they send, the status they get and the fields the answer must name. */
    record Bad(String who, HttpMethod method, String path, String body, MediaType type, int status, List<String> fields) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 80 ? body.substring(0, 60) + "...(" + body.length() + " chars)" : body;
            return who + " " + method + " " + path + " " + shown.replace('\n', ' ');
        }
    }

    private static Bad bad(String who, HttpMethod method, String path, String body, int status, String... fields) {
        return new Bad(who, method, path, body, MediaType.APPLICATION_JSON, status, List.of(fields));
    }

    private static Bad post(String who, String path, String body, String... fields) {
        return bad(who, HttpMethod.POST, path, body, 400, fields);
    }

    private static Bad get(String who, String path, String... fields) {
        return bad(who, HttpMethod.GET, path, null, 400, fields);
    }

    Stream<Bad> badCalls() {
        var rows = new ArrayList<Bad>();
        String malformed = "{\"name\": \"x\",";
        // POST /api/customers
        rows.add(post("admin", "/api/customers", malformed));
        rows.add(post("admin", "/api/customers", ""));
        rows.add(post("admin", "/api/customers", "[]"));
        rows.add(post("admin", "/api/customers", "{\"id\":\"" + badId + "\"}", "name"));
        rows.add(post("admin", "/api/customers", "{\"id\":\"" + badId + "\",\"name\":\"  \"}", "name"));
        rows.add(post("admin", "/api/customers", "{\"id\":\"" + badId + "\",\"name\":{\"first\":\"A\"}}", "name"));
        rows.add(post("admin", "/api/customers", "{\"id\":\"bad id!\",\"name\":\"A\"}", "id"));
        rows.add(bad("admin", HttpMethod.POST, "/api/customers", "{\"id\":\"" + badId + "\",\"name\":\"" + HUGE + "\"}", 413));
        rows.add(new Bad("admin", HttpMethod.POST, "/api/customers", "name=x", MediaType.TEXT_PLAIN, 415, List.of()));
        // POST /api/customers/{id}/systems
        String systems = "/api/customers/" + customer + "/systems";
        rows.add(post("admin", systems, malformed));
        rows.add(post("admin", systems, "{\"id\":\"" + badId + "\"}", "name", "product"));
        rows.add(post("admin", systems, "{\"id\":\"" + badId + "\",\"name\":\"S\",\"product\":\"P\",\"site\":{\"lat\":91,\"lon\":4}}", "site.lat"));
        rows.add(post("admin", systems, "{\"id\":\"" + badId + "\",\"name\":\"S\",\"product\":\"P\",\"site\":{\"lat\":\"north\",\"lon\":4}}", "site.lat"));
        rows.add(post("admin", systems, "{\"id\":\"" + badId + "\",\"name\":\"S\",\"product\":\"P\",\"tags\":{\"a\":1}}", "tags"));
        rows.add(bad("admin", HttpMethod.POST, systems, "{\"id\":\"" + badId + "\",\"name\":\"S\",\"product\":\"" + HUGE + "\"}", 413));
        // POST /api/engineers
        String engineers = "/api/engineers";
        rows.add(post("admin", engineers, malformed));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\"}", "name"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"systems\":[{\"systemId\":\"" + system + "\",\"level\":6}]}", "systems[0].level"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"systems\":[{\"systemId\":\"" + system + "\",\"level\":0}]}", "systems[0].level"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"systems\":[{\"systemId\":\"" + system + "\"}]}", "systems[0].level"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"systems\":[{\"systemId\":\"" + system + "\",\"level\":\"high\"}]}", "level"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"systems\":[{\"systemId\":\"NO-SUCH-SYSTEM\",\"level\":3}]}", "systems"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"status\":\"Y\"}", "status"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"maxActive\":0}", "maxActive"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"maxActive\":\"lots\"}", "maxActive"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"base\":{\"lat\":91,\"lon\":4}}", "base.lat"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"email\":\"not-an-email\"}", "email"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"timeZone\":\"Mars/Olympus\"}", "timeZone"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"skills\":\"plc\"}", "skills"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"certifications\":[{\"name\":\"c\",\"expires\":\"tomorrow\"}]}", "expires"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"systems\":[null]}", "systems[0]"));
        rows.add(post("admin", engineers, "{\"id\":\"" + badId + "\",\"name\":\"N\",\"certifications\":[null]}", "certifications[0]"));
        rows.add(bad("admin", HttpMethod.POST, engineers, "{\"id\":\"" + badId + "\",\"name\":\"" + HUGE + "\"}", 413));
        // PATCH /api/engineers/{id}
        String patch = "/api/engineers/" + engineerId;
        rows.add(bad("admin", HttpMethod.PATCH, patch, malformed, 400));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"systems\":[{\"systemId\":\"" + system + "\",\"level\":6}]}", 400, "systems[0].level"));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"maxActive\":0}", 400, "maxActive"));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"maxActive\":1000}", 400, "maxActive"));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"name\":\"   \"}", 400, "name"));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"base\":{\"lat\":91,\"lon\":4}}", 400, "base.lat"));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"systems\":[{\"systemId\":\"NO-SUCH-SYSTEM\",\"level\":3}]}", 400, "systems"));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"timeZone\":\"Mars/Olympus\"}", 400, "timeZone"));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"certifications\":[null]}", 400, "certifications[0]"));
        rows.add(bad("admin", HttpMethod.PATCH, patch, "{\"name\":\"" + HUGE + "\"}", 413));
        // POST /api/users
        rows.add(post("admin", "/api/users", malformed));
        rows.add(post("admin", "/api/users", "{}", "username", "password", "role"));
        rows.add(post("admin", "/api/users", "{\"username\":\"" + badId + "\",\"password\":\"secret-pw\",\"role\":\"X\"}", "role"));
        rows.add(post("admin", "/api/users", "{\"username\":\"" + badId + "\",\"password\":\"secret-pw\",\"role\":\"CUSTOMER\"}", "customerId"));
        rows.add(post("admin", "/api/users", "{\"username\":\"" + badId + "\",\"password\":\"secret-pw\",\"role\":\"CUSTOMER\",\"customerId\":\"NO-SUCH\"}", "customerId"));
        rows.add(post("admin", "/api/users", "{\"username\":\"" + badId + "\",\"password\":\"secret-pw\",\"role\":\"ENGINEER\"}", "engineerId"));
        rows.add(post("admin", "/api/users", "{\"username\":\"" + badId + "\",\"password\":\"secret-pw\",\"role\":\"DISPATCHER\",\"customerId\":\"" + customer + "\"}", "customerId"));
        rows.add(post("admin", "/api/users", "{\"username\":\"has space\",\"password\":\"secret-pw\",\"role\":\"DISPATCHER\"}", "username"));
        rows.add(post("admin", "/api/users", "{\"username\":\"" + badId + "\",\"password\":\"abc\",\"role\":\"DISPATCHER\"}", "password"));
        rows.add(bad("admin", HttpMethod.POST, "/api/users", "{\"username\":\"" + badId + "\",\"password\":\"" + HUGE + "\",\"role\":\"ADMIN\"}", 413));
        // POST /api/incidents
        rows.add(post("customer", "/api/incidents", malformed));
        rows.add(post("customer", "/api/incidents", "{}", "systemId", "severity", "title", "description"));
        rows.add(post("customer", "/api/incidents", incidentBody("SEV9"), "severity"));
        rows.add(post("customer", "/api/incidents", incidentBody("sev1"), "severity"));
        rows.add(post("dispatcher", "/api/incidents", "{\"systemId\":\"" + system + "\",\"severity\":7,\"title\":\"t\",\"description\":\"d\"}", "severity"));
        rows.add(post("dispatcher", "/api/incidents", "{\"systemId\":\"" + system + "\",\"severity\":1,\"title\":\"t\",\"description\":\"d\"}", "severity"));
        rows.add(post("dispatcher", "/api/incidents", "{\"systemId\":\"" + system + "\",\"severity\":\"SEV2\",\"title\":[\"t\"],\"description\":\"d\"}", "title"));
        rows.add(post("dispatcher", "/api/incidents", "{\"systemId\":\"NO-SUCH-SYSTEM\",\"severity\":\"SEV2\",\"title\":\"t\",\"description\":\"d\"}", "systemId"));
        rows.add(post("dispatcher", "/api/incidents", "{\"systemId\":\"" + system + "\",\"severity\":\"SEV2\",\"title\":\"\",\"description\":\"d\"}", "title"));
        rows.add(post("dispatcher", "/api/incidents", "{\"id\":\"bad id!\",\"systemId\":\"" + system + "\",\"severity\":\"SEV2\",\"title\":\"t\",\"description\":\"d\"}", "id"));
        rows.add(bad("customer", HttpMethod.POST, "/api/incidents", "{\"systemId\":\"" + system + "\",\"severity\":\"SEV2\",\"title\":\"t\",\"description\":\"" + HUGE + "\"}", 413));
        // GET /api/incidents
        rows.add(get("customer", "/api/incidents?status=Y", "status"));
        rows.add(get("dispatcher", "/api/incidents?limit=0", "limit"));
        rows.add(get("dispatcher", "/api/incidents?limit=1000", "limit"));
        rows.add(get("dispatcher", "/api/incidents?limit=abc", "limit"));
        rows.add(get("dispatcher", "/api/incidents?offset=-1", "offset"));
        // POST /api/incidents/{id}/assign and /resolve
        String assign = "/api/incidents/" + incident + "/assign";
        rows.add(post("dispatcher", assign, malformed));
        rows.add(post("dispatcher", assign, "{}", "engineerId"));
        rows.add(post("dispatcher", assign, "{\"engineerId\":\"NO-SUCH-ENGINEER\"}", "engineerId"));
        rows.add(post("dispatcher", assign, "{\"engineerId\":\"" + engineerId + "\",\"reason\":\"" + "r".repeat(501) + "\"}", "reason"));
        rows.add(bad("dispatcher", HttpMethod.POST, assign, "{\"engineerId\":\"" + engineerId + "\",\"reason\":\"" + HUGE + "\"}", 413));
        String resolve = "/api/incidents/" + incident + "/resolve";
        rows.add(post("dispatcher", resolve, malformed));
        rows.add(post("dispatcher", resolve, "{}", "resolution"));
        rows.add(post("dispatcher", resolve, "{\"resolution\":\"  \"}", "resolution"));
        rows.add(post("dispatcher", resolve, "{\"resolution\":{\"text\":\"x\"}}", "resolution"));
        rows.add(bad("dispatcher", HttpMethod.POST, resolve, "{\"resolution\":\"" + HUGE + "\"}", 413));
        // POST /api/incidents/{id}/broadcast
        String broadcast = "/api/incidents/" + incident + "/broadcast";
        rows.add(post("dispatcher", broadcast, malformed));
        rows.add(post("dispatcher", broadcast, "{\"reason\":\"" + "r".repeat(501) + "\"}", "reason"));
        rows.add(post("dispatcher", broadcast, "{\"reason\":{\"why\":\"x\"}}", "reason"));
        rows.add(bad("dispatcher", HttpMethod.POST, broadcast, "{\"reason\":\"" + HUGE + "\"}", 413));
        // PUT /api/me/status
        rows.add(bad("engineer", HttpMethod.PUT, "/api/me/status", malformed, 400));
        rows.add(bad("engineer", HttpMethod.PUT, "/api/me/status", "{}", 400, "status"));
        rows.add(bad("engineer", HttpMethod.PUT, "/api/me/status", "{\"status\":\"Y\"}", 400, "status"));
        rows.add(bad("engineer", HttpMethod.PUT, "/api/me/status", "{\"status\":[\"BUSY\"]}", 400, "status"));
        // POST /api/offers/{id}/decline
        String decline = "/api/offers/" + offer + "/decline";
        rows.add(post("engineer", decline, malformed));
        rows.add(post("engineer", decline, "{\"reason\":\"" + "r".repeat(501) + "\"}", "reason"));
        rows.add(post("engineer", decline, "{\"reason\":{\"why\":\"x\"}}", "reason"));
        rows.add(bad("engineer", HttpMethod.POST, decline, "{\"reason\":\"" + HUGE + "\"}", 413));
        // GET /api/engineers, /search, /suggest
        rows.add(get("dispatcher", "/api/engineers?limit=0", "limit"));
        rows.add(get("dispatcher", "/api/engineers?limit=1000", "limit"));
        rows.add(get("dispatcher", "/api/engineers?offset=-1", "offset"));
        rows.add(get("dispatcher", "/api/engineers/search?q=\"unbalanced", "q"));
        rows.add(get("dispatcher", "/api/engineers/search?q=skill:(plc", "q"));
        rows.add(get("dispatcher", "/api/engineers/search?q=" + "a".repeat(1001), "q"));
        rows.add(get("dispatcher", "/api/engineers/search?limit=0", "limit"));
        rows.add(get("dispatcher", "/api/engineers/search?limit=1000", "limit"));
        rows.add(get("dispatcher", "/api/engineers/search?offset=-1", "offset"));
        rows.add(get("dispatcher", "/api/engineers/search?offset=20000", "offset"));
        rows.add(get("dispatcher", "/api/engineers/search?near=abc", "near"));
        rows.add(get("dispatcher", "/api/engineers/search?near=91,4", "near"));
        rows.add(get("dispatcher", "/api/engineers/search?near=52,181", "near"));
        rows.add(get("dispatcher", "/api/engineers/search?status=Y", "status"));
        rows.add(get("dispatcher", "/api/engineers/search?withinKm=-1", "withinKm"));
        rows.add(get("dispatcher", "/api/engineers/search?limit=many", "limit"));
        rows.add(get("dispatcher", "/api/engineers/suggest", "prefix"));
        rows.add(get("dispatcher", "/api/engineers/suggest?prefix=", "prefix"));
        rows.add(get("dispatcher", "/api/engineers/suggest?prefix=di&limit=0", "limit"));
        rows.add(get("dispatcher", "/api/engineers/suggest?prefix=di&limit=1000", "limit"));
        // POST /api/engineers/recommend
        rows.add(post("dispatcher", "/api/engineers/recommend", malformed));
        rows.add(post("dispatcher", "/api/engineers/recommend", "{}", "title"));
        rows.add(post("dispatcher", "/api/engineers/recommend", "{\"title\":\"pump\",\"limit\":0}", "limit"));
        rows.add(post("dispatcher", "/api/engineers/recommend", "{\"title\":\"pump\",\"limit\":1000}", "limit"));
        rows.add(post("dispatcher", "/api/engineers/recommend", "{\"title\":\"pump\",\"systemId\":\"NO-SUCH-SYSTEM\"}", "systemId"));
        rows.add(post("dispatcher", "/api/engineers/recommend", "{\"title\":\"pump\",\"availableOnly\":\"maybe\"}", "availableOnly"));
        rows.add(bad("dispatcher", HttpMethod.POST, "/api/engineers/recommend", "{\"title\":\"pump\",\"description\":\"" + HUGE + "\"}", 413));
        // PUT /api/engineers/{id}/schedule and /api/me/schedule
        String schedule = "/api/engineers/" + engineerId + "/schedule";
        rows.add(bad("admin", HttpMethod.PUT, schedule, malformed, 400));
        rows.add(bad("admin", HttpMethod.PUT, schedule, "{}", 400, "workingHours"));
        rows.add(bad("admin", HttpMethod.PUT, schedule, week("MONDAY", "25:00", "17:00"), 400, "workingHours.MONDAY[0].from"));
        rows.add(bad("admin", HttpMethod.PUT, schedule, week("MONDAY", "8 am", "17:00"), 400, "workingHours.MONDAY[0].from"));
        rows.add(bad("admin", HttpMethod.PUT, schedule, week("FUNDAY", "08:00", "17:00"), 400, "workingHours"));
        rows.add(bad("admin", HttpMethod.PUT, schedule, "{\"workingHours\":{\"MONDAY\":[{\"from\":\"08:00\"}]}}", 400,
                "workingHours.MONDAY[0]"));
        rows.add(bad("admin", HttpMethod.PUT, schedule, "{\"workingHours\":{\"MONDAY\":\"08:00-17:00\"}}", 400, "workingHours.MONDAY"));
        rows.add(bad("admin", HttpMethod.PUT, schedule, "{\"workingHours\":{\"MONDAY\":["
                + String.join(",", java.util.Collections.nCopies(11, "{\"from\":\"08:00\",\"to\":\"09:00\"}")) + "]}}", 400,
                "workingHours.MONDAY"));
        rows.add(bad("admin", HttpMethod.PUT, schedule, "{\"timeZone\":\"Mars/Olympus\",\"workingHours\":{}}", 400, "timeZone"));
        rows.add(bad("admin", HttpMethod.PUT, schedule, "{\"workingHours\":{},\"note\":\"" + HUGE + "\"}", 413));
        rows.add(bad("engineer", HttpMethod.PUT, "/api/me/schedule", "{\"workingHours\":{},\"onCall\":{\"TUESDAY\":[{\"from\":\"22:00\",\"to\":\"24:30\"}]}}",
                400, "onCall.TUESDAY[0].to"));
        rows.add(bad("engineer", HttpMethod.PUT, "/api/me/schedule", "{\"timeZone\":\"CET+99\",\"workingHours\":{}}", 400, "timeZone"));
        // POST .../schedule/overrides
        String overrides = schedule + "/overrides";
        rows.add(post("admin", overrides, malformed));
        rows.add(post("admin", overrides, "{}", "from", "to", "kind"));
        rows.add(post("admin", overrides, override("2030-01-02T00:00:00Z", "2030-01-01T00:00:00Z", "OFF_DUTY"), "to"));
        rows.add(post("admin", overrides, override("2030-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "OFF_DUTY"), "to"));
        rows.add(post("admin", overrides, override("2030-01-01T00:00:00Z", "2030-04-02T00:00:00Z", "ON_CALL"), "to"));
        rows.add(post("admin", overrides, override("2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", "OFF_DUTY"), "to"));
        rows.add(post("admin", overrides, override("2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z", "HOLIDAY"), "kind"));
        rows.add(post("admin", overrides, override("tomorrow", "2030-01-02T00:00:00Z", "OFF_DUTY"), "from"));
        rows.add(post("engineer", "/api/me/schedule/overrides", "{\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-01-02T00:00:00Z\","
                + "\"kind\":\"OFF_DUTY\",\"note\":\"" + "n".repeat(501) + "\"}", "note"));
        rows.add(post("engineer", "/api/me/schedule/overrides", override("2030-01-01T00:00:00Z", "2029-12-31T00:00:00Z", "ON_DUTY"), "to"));
        // GET /api/on-call
        rows.add(get("dispatcher", "/api/on-call?at=noon", "at"));
        rows.add(get("dispatcher", "/api/on-call?systemId=NO-SUCH-SYSTEM", "systemId"));
        // POST /api/import takes NDJSON only
        rows.add(new Bad("admin", HttpMethod.POST, "/api/import", "{\"type\":\"customer\",\"name\":\"x\"}", MediaType.APPLICATION_JSON, 415, List.of()));
        return rows.stream();
    }

    private static String week(String day, String from, String to) {
        return "{\"workingHours\":{\"%s\":[{\"from\":\"%s\",\"to\":\"%s\"}]}}".formatted(day, from, to);
    }

    private static String override(String from, String to, String kind) {
        return "{\"from\":\"%s\",\"to\":\"%s\",\"kind\":\"%s\"}".formatted(from, to, kind);
    }

    private String incidentBody(String severity) {
        return "{\"systemId\":\"" + system + "\",\"severity\":\"" + severity + "\",\"title\":\"t\",\"description\":\"d\"}";
    }

    private Api caller(String who) {
        return switch (who) {
            case "admin" -> admin;
            case "dispatcher" -> dispatcher;
            case "engineer" -> engineer;
            case "customer" -> customerUser;
            default -> throw new IllegalArgumentException(who);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    @Order(1)
    void badInputIsAProblemDetailThatNamesTheProblem(Bad call) {
        var response = caller(call.who()).exchange(call.method(), call.path(), call.body(), call.type());

        assertThat(response.status()).as(response.toString()).isEqualTo(call.status());
        assertThat(response.headers().getContentType()).as(response.toString()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "application/problem+json");
        assertThat(response.json()).as(response.toString()).isNotNull();
        assertThat(response.json().path("status").asInt()).isEqualTo(call.status());
        assertThat(response.get("title")).as(response.toString()).isNotBlank();
        assertThat(response.get("detail")).as(response.toString()).isNotBlank();
        for (String field : call.fields()) {
            var named = response.json().path("errors").findValuesAsString("field");
            assertThat(named.contains(field) || response.get("detail").contains(field))
                    .as("names '" + field + "': " + response).isTrue();
        }
        if (call.fields().size() > 1) {
            assertThat(response.json().path("errors").findValuesAsString("field"))
                    .as("errors list " + response).containsAll(call.fields());
        }
    }

    @Test
    @Order(1)
    void anOversizedBodySentWithoutALengthIsRefusedWith413WhileItIsRead() throws Exception {
        // no Content-Length: the limit is enforced by counting the bytes as they arrive
        var chunks = new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(("{\"systemId\":\"" + system + "\",\"severity\":\"SEV2\",\"title\":\"t\",\"description\":\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new java.io.ByteArrayInputStream((HUGE + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/incidents"))
                .header("Authorization", Api.basic("admin", Fixtures.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> chunks))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413").contains("\"detail\"");
    }

    @Test
    @Order(2)
    void theBadCallsChangedNothingStored() {
        assertThat(storedState()).isEqualTo(before);
        var read = admin.get("/api/incidents/" + incident).json();
        assertThat(read.path("assignee").isMissingNode()).as(read.toString()).isTrue();
        // the offer may have run out meanwhile (the clock is real time), but nobody declined, assigned or resolved
        assertThat(read.path("timeline").findValuesAsString("type"))
                .doesNotContain("DECLINED", "ASSIGNED", "RESOLVED", "BROADCAST");
    }

    /** What a bad call might have changed: this customer's incidents and systems, the engineer, and the bad ids. */
    private List<String> storedState() {
        return List.of(
                "incidents=" + admin.get("/api/incidents?customerId=" + customer).json().path("total").asLong(),
                "systems=" + admin.get("/api/customers/" + customer + "/systems").text(),
                "engineer=" + admin.get("/api/engineers/" + engineerId).text(),
                "schedule=" + admin.get("/api/engineers/" + engineerId + "/schedule").text(),
                "badCustomer=" + admin.get("/api/customers").text().contains(badId),
                "badEngineer=" + admin.get("/api/engineers/" + badId).status(),
                "badUser=" + admin.get("/api/users").text().contains(badId));
    }
}
