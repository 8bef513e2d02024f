package io.switchboard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The NDJSON import: a bad line is rejected alone, with its number and why; the good lines are kept. */
@IntegrationTest
class ImportIntegrationTests {
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = new Fixtures(port).admin();
    }

    @Test
    void badLinesAreRejectedWithTheirNumbersAndReasonsAndGoodLinesAreKept() {
        String customer = Fixtures.unique("IMP-C");
        String system = Fixtures.unique("IMP-S");
        String engineer = Fixtures.unique("IMP-E");
        String incident = Fixtures.unique("IMP-I");
        String lateCustomer = Fixtures.unique("IMP-C2");
        String word = Fixtures.nonsenseWord();
        String body = String.join("\n",
                /* 1 */ "{\"type\":\"customer\",\"id\":\"%s\",\"name\":\"Imported customer\"}".formatted(customer),
                /* 2 */ "{\"type\":\"system\",\"id\":\"%s\",\"customerId\":\"%s\",\"name\":\"Line 4\",\"product\":\"Imported press\"}".formatted(system, customer),
                /* 3 */ "{\"type\":\"engineer\",\"id\":\"%s\",\"name\":\"Ida Import\",\"skills\":[\"hydraulics\"],\"systems\":[{\"systemId\":\"%s\",\"level\":4}]}".formatted(engineer, system),
                /* 4 */ "{\"type\":\"incident\",\"id\":\"%s\",\"systemId\":\"%s\",\"title\":\"%s pressure drop\",\"description\":\"the %s valve leaks\",\"resolution\":\"replaced the %s seal\",\"resolvedBy\":\"%s\",\"openedAt\":\"2025-01-10T08:00:00Z\",\"resolvedAt\":\"2025-01-10T12:00:00Z\"}".formatted(incident, system, word, word, word, engineer),
                /* 5 */ "{\"type\":\"spaceship\",\"id\":\"X\"}",
                /* 6 */ "{\"type\":\"customer\",\"id\":\"broken\",",
                /* 7 */ "{\"type\":\"system\",\"id\":\"%s\",\"customerId\":\"NO-SUCH-CUSTOMER\",\"name\":\"S\",\"product\":\"P\"}".formatted(Fixtures.unique("IMP-S")),
                /* 8 */ "{\"type\":\"incident\",\"systemId\":\"%s\",\"title\":\"t\",\"resolvedBy\":\"NO-SUCH-ENGINEER\"}".formatted(system),
                /* 9 */ "",
                /* 10 */ "[1,2,3]",
                /* 11 */ "{\"type\":\"engineer\",\"name\":\"Too Good\",\"systems\":[{\"systemId\":\"%s\",\"level\":9}]}".formatted(system),
                /* 12 */ "{\"type\":\"customer\",\"id\":\"%s\"}".formatted(Fixtures.unique("IMP-C")),
                /* 13 */ "{\"type\":\"customer\",\"id\":\"%s\",\"name\":\"Duplicate\"}".formatted(customer),
                /* 14 */ "{\"type\":\"incident\",\"systemId\":\"NO-SUCH-SYSTEM\",\"title\":\"t\",\"resolvedBy\":\"%s\"}".formatted(engineer),
                /* 15 */ "{\"type\":\"customer\",\"id\":\"%s\",\"name\":\"After the bad lines\"}".formatted(lateCustomer),
                /* 16 */ "{\"type\":\"incident\",\"title\":\"%s without a system\",\"resolvedBy\":\"%s\"}".formatted(word, engineer),
                /* 17 */ "{\"name\":\"no type\"}",
                /* 18 */ "{\"type\":\"incident\",\"systemId\":\"%s\",\"title\":\"t\",\"resolvedBy\":\"%s\",\"resolvedAt\":\"yesterday\"}".formatted(system, engineer),
                /* 19 */ "{\"type\":\"engineer\",\"id\":\"%s\",\"name\":\"Same id again\"}".formatted(engineer)) + "\n";

        var response = admin.post("/api/import", body, NDJSON);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var imported = response.json().path("imported");
        assertThat(imported.path("customer").asInt()).isEqualTo(2);
        assertThat(imported.path("system").asInt()).isEqualTo(1);
        assertThat(imported.path("engineer").asInt()).isEqualTo(1);
        assertThat(imported.path("incident").asInt()).isEqualTo(2);
        Map<Integer, String> rejected = rejections(response.json());
        assertThat(rejected).as(response.toString()).containsOnlyKeys(5, 6, 7, 8, 10, 11, 12, 13, 14, 17, 18, 19);
        assertThat(rejected.get(5)).contains("type").contains("spaceship");
        assertThat(rejected.get(6)).containsIgnoringCase("JSON");
        assertThat(rejected.get(7)).contains("NO-SUCH-CUSTOMER");
        assertThat(rejected.get(8)).contains("resolvedBy").contains("NO-SUCH-ENGINEER");
        assertThat(rejected.get(10)).contains("object");
        assertThat(rejected.get(11)).contains("level");
        assertThat(rejected.get(12)).contains("name");
        assertThat(rejected.get(13)).contains(customer);
        assertThat(rejected.get(14)).contains("NO-SUCH-SYSTEM");
        assertThat(rejected.get(17)).contains("type");
        assertThat(rejected.get(18)).contains("resolvedAt");
        assertThat(rejected.get(19)).contains(engineer);
        assertThat(response.json().path("rejectedTotal").asInt()).isEqualTo(12);

        // the good lines are readable afterwards
        assertThat(admin.get("/api/customers").json().findValuesAsString("id")).contains(customer, lateCustomer);
        var readSystem = admin.get("/api/systems/" + system);
        assertThat(readSystem.get("customerId")).isEqualTo(customer);
        var readEngineer = admin.get("/api/engineers/" + engineer);
        assertThat(readEngineer.get("name")).isEqualTo("Ida Import");
        assertThat(readEngineer.json().path("systems").get(0).path("level").asInt()).isEqualTo(4);
        var readIncident = admin.get("/api/incidents/" + incident);
        assertThat(readIncident.get("status")).isEqualTo("RESOLVED");
        assertThat(readIncident.get("resolvedBy")).isEqualTo(engineer);
        assertThat(readIncident.get("customerId")).isEqualTo(customer);
        assertThat(readIncident.get("resolvedAt")).isEqualTo("2025-01-10T12:00:00Z");
        // and the imported history teaches the ranking
        var recommended = admin.post("/api/engineers/recommend",
                "{\"title\":\"%s pressure drop again\",\"description\":\"the %s valve\"}".formatted(word, word));
        assertThat(recommended.json().path("hits").get(0).path("engineerId").asString()).as(recommended.toString())
                .isEqualTo(engineer);
    }

    @Test
    void anEmptyImportImportsNothing() {
        var response = admin.post("/api/import", "\n\n", NDJSON);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("rejected").size()).isZero();
        assertThat(response.json().path("imported").size()).isZero();
    }

    @Test
    void aSystemMayFollowItsCustomerAndAnEngineerItsSystemInOneFile() {
        String customer = Fixtures.unique("IMP-C");
        String systemOne = Fixtures.unique("IMP-S");
        String systemTwo = Fixtures.unique("IMP-S");
        String body = String.join("\n",
                "{\"type\":\"customer\",\"id\":\"%s\",\"name\":\"C\"}".formatted(customer),
                "{\"type\":\"system\",\"id\":\"%s\",\"customerId\":\"%s\",\"name\":\"S1\",\"product\":\"P\"}".formatted(systemOne, customer),
                "{\"type\":\"engineer\",\"name\":\"E1\",\"systems\":[{\"systemId\":\"%s\",\"level\":2}]}".formatted(systemOne),
                "{\"type\":\"system\",\"id\":\"%s\",\"customerId\":\"%s\",\"name\":\"S2\",\"product\":\"P\"}".formatted(systemTwo, customer),
                "{\"type\":\"engineer\",\"name\":\"E2\",\"systems\":[{\"systemId\":\"%s\",\"level\":3}]}".formatted(systemTwo));

        var response = admin.post("/api/import", body, NDJSON);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("rejected").size()).as(response.toString()).isZero();
        assertThat(response.json().path("imported").path("system").asInt()).isEqualTo(2);
        assertThat(response.json().path("imported").path("engineer").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/customers/" + customer + "/systems").json().size()).isEqualTo(2);
    }

    @Test
    void aBadOrDuplicateLineInsideABatchIsRejectedAloneAndTheBatchsOtherLinesAreKept() {
        String customer = Fixtures.unique("IMP-C");
        String system = Fixtures.unique("IMP-S");
        String first = Fixtures.unique("IMP-E");
        String second = Fixtures.unique("IMP-E");
        String incident = Fixtures.unique("IMP-I");
        String engineerLine = "{\"type\":\"engineer\",\"id\":\"%s\",\"name\":\"E\",\"systems\":[{\"systemId\":\"%s\",\"level\":2}]}";
        String incidentLine = "{\"type\":\"incident\",\"id\":\"%s\",\"systemId\":\"%s\",\"title\":\"t\",\"resolvedBy\":\"%s\"}";
        String body = String.join("\n",
                /* 1 */ "{\"type\":\"customer\",\"id\":\"%s\",\"name\":\"C\"}".formatted(customer),
                /* 2 */ "{\"type\":\"system\",\"id\":\"%s\",\"customerId\":\"%s\",\"name\":\"S\",\"product\":\"P\"}".formatted(system, customer),
                // one batch of engineers: unknown system, unknown time zone and a repeated id between good lines
                /* 3 */ engineerLine.formatted(first, system),
                /* 4 */ engineerLine.formatted(Fixtures.unique("IMP-E"), "NO-SUCH-SYSTEM"),
                /* 5 */ "{\"type\":\"engineer\",\"name\":\"E\",\"timeZone\":\"Mars/Olympus\"}",
                /* 6 */ engineerLine.formatted(first, system),
                /* 7 */ engineerLine.formatted(second, system),
                // one batch of incidents: a repeated id and an unknown resolver between good lines
                /* 8 */ incidentLine.formatted(incident, system, first),
                /* 9 */ incidentLine.formatted(incident, system, second),
                /* 10 */ incidentLine.formatted(Fixtures.unique("IMP-I"), system, "NO-SUCH-ENGINEER"),
                /* 11 */ incidentLine.formatted(Fixtures.unique("IMP-I"), system, second)) + "\n";

        var response = admin.post("/api/import", body, NDJSON);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<Integer, String> rejected = rejections(response.json());
        assertThat(rejected).as(response.toString()).containsOnlyKeys(4, 5, 6, 9, 10);
        assertThat(rejected.get(4)).contains("NO-SUCH-SYSTEM");
        assertThat(rejected.get(5)).contains("timeZone");
        assertThat(rejected.get(6)).contains(first).contains("already exists");
        assertThat(rejected.get(9)).contains(incident).contains("already exists");
        assertThat(rejected.get(10)).contains("NO-SUCH-ENGINEER");
        assertThat(response.json().path("imported").path("engineer").asInt()).isEqualTo(2);
        assertThat(response.json().path("imported").path("incident").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/engineers/" + first).status()).isEqualTo(200);
        assertThat(admin.get("/api/engineers/" + second).status()).isEqualTo(200);
        assertThat(admin.get("/api/incidents/" + incident).get("resolvedBy")).isEqualTo(first);
    }

    @Test
    void aLineRepeatingAnIdFromAnEarlierImportIsRejected() {
        String customer = Fixtures.unique("IMP-C");
        String system = Fixtures.unique("IMP-S");
        String engineer = Fixtures.unique("IMP-E");
        String incident = Fixtures.unique("IMP-I");
        String body = String.join("\n",
                "{\"type\":\"customer\",\"id\":\"%s\",\"name\":\"C\"}".formatted(customer),
                "{\"type\":\"system\",\"id\":\"%s\",\"customerId\":\"%s\",\"name\":\"S\",\"product\":\"P\"}".formatted(system, customer),
                "{\"type\":\"engineer\",\"id\":\"%s\",\"name\":\"E\"}".formatted(engineer),
                "{\"type\":\"incident\",\"id\":\"%s\",\"systemId\":\"%s\",\"title\":\"t\",\"resolvedBy\":\"%s\"}".formatted(incident, system, engineer));
        assertThat(admin.post("/api/import", body, NDJSON).json().path("rejectedTotal").asInt()).isZero();

        var again = admin.post("/api/import", body, NDJSON);

        assertThat(rejections(again.json())).as(again.toString()).containsOnlyKeys(1, 2, 3, 4);
        assertThat(rejections(again.json()).get(3)).contains(engineer);
        assertThat(rejections(again.json()).get(4)).contains(incident);
    }

    @Test
    void aBadLineDeepInsideAManyBatchImportIsReportedByNumberAndEveryStoredIncidentIsSearchableWhenItReturns() {
        String customer = Fixtures.unique("IMP-C");
        String system = Fixtures.unique("IMP-S");
        String early = Fixtures.unique("IMP-E");
        String late = Fixtures.unique("IMP-E");
        String run = Fixtures.unique("IMP-I");
        String earlyWord = Fixtures.nonsenseWord();
        String lateWord = Fixtures.nonsenseWord();
        int batch = NdjsonImporter.BATCH;
        int incidents = 2 * batch + batch / 2; // three incident batches
        var lines = new java.util.ArrayList<String>(List.of(
                "{\"type\":\"customer\",\"id\":\"%s\",\"name\":\"C\"}".formatted(customer),
                "{\"type\":\"system\",\"id\":\"%s\",\"customerId\":\"%s\",\"name\":\"S\",\"product\":\"P\"}".formatted(system, customer),
                "{\"type\":\"engineer\",\"id\":\"%s\",\"name\":\"Early\"}".formatted(early),
                "{\"type\":\"engineer\",\"id\":\"%s\",\"name\":\"Late\"}".formatted(late)));
        for (int i = 0; i < incidents; i++) {
            boolean first = i < batch;
            String word = first ? earlyWord : lateWord;
            lines.add("{\"type\":\"incident\",\"id\":\"%s-%d\",\"systemId\":\"%s\",\"title\":\"%s fault %d\",\"description\":\"the %s unit\",\"resolvedBy\":\"%s\"}"
                    .formatted(run, i, system, word, i, word, first ? early : late));
        }
        int header = 4; // line numbers, 1-based
        int unknownResolver = header + batch + batch / 2; // in the second incident batch
        int brokenJson = header + 2 * batch + batch / 4; // in the third
        lines.set(unknownResolver - 1, "{\"type\":\"incident\",\"systemId\":\"%s\",\"title\":\"t\",\"resolvedBy\":\"NO-SUCH-ENGINEER\"}".formatted(system));
        lines.set(brokenJson - 1, "{\"type\":\"incident\",\"title\":");

        var response = admin.post("/api/import", String.join("\n", lines) + "\n", NDJSON);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(rejections(response.json())).as(response.toString()).containsOnlyKeys(unknownResolver, brokenJson);
        assertThat(rejections(response.json()).get(unknownResolver)).contains("NO-SUCH-ENGINEER");
        assertThat(response.json().path("imported").path("incident").asInt()).isEqualTo(incidents - 2);
        assertThat(admin.get("/api/incidents/" + run + "-0").get("resolvedBy")).isEqualTo(early);
        assertThat(admin.get("/api/incidents/" + run + "-" + (incidents - 1)).get("resolvedBy")).isEqualTo(late);
        // the index got every batch before the answer: the first one's and the last one's history both rank
        for (var expected : Map.of(earlyWord, early, lateWord, late).entrySet()) {
            var recommended = admin.post("/api/engineers/recommend",
                    "{\"title\":\"%s fault\",\"description\":\"the %s unit\"}".formatted(expected.getKey(), expected.getKey()));
            assertThat(recommended.json().path("hits").get(0).path("engineerId").asString()).as(recommended.toString())
                    .isEqualTo(expected.getValue());
        }
    }

    static Map<Integer, String> rejections(JsonNode report) {
        var byLine = new HashMap<Integer, String>();
        for (var rejection : report.path("rejected")) {
            byLine.put(rejection.path("line").asInt(), rejection.path("detail").asString());
        }
        return byLine;
    }
}
