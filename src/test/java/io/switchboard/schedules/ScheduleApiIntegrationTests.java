package io.switchboard.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.support.MutableClock;

/** The schedule API round trip: staff by engineer id, engineers their own, overrides, and who is on duty. */
@IntegrationTest
class ScheduleApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Fixtures fixtures;
    Api admin;
    String system;
    String engineerId;
    Api engineer;
    Api dispatcher;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        admin = fixtures.admin();
        system = fixtures.system(fixtures.customer());
        engineerId = fixtures.engineer(system, 4, 5);
        engineer = fixtures.as(fixtures.engineerUser(engineerId));
        dispatcher = fixtures.as(fixtures.dispatcherUser());
    }

    @Test
    void aDispatcherSetsTheWeeklyPatternAndTheEngineerReadsAndChangesItAsTheirOwn() {
        var put = dispatcher.put("/api/engineers/" + engineerId + "/schedule", """
                {"timeZone":"Europe/Amsterdam",
                 "workingHours":{"MONDAY":[{"from":"08:00","to":"12:00"},{"from":"13:00","to":"17:30"}],
                                 "FRIDAY":[{"from":"22:00","to":"06:00"}]},
                 "onCall":{"SATURDAY":[{"from":"00:00","to":"00:00"}]}}""");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        var mine = engineer.get("/api/me/schedule");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.get("timeZone")).isEqualTo("Europe/Amsterdam");
        var monday = mine.json().path("workingHours").path("MONDAY");
        assertThat(monday.findValuesAsString("from")).containsExactly("08:00", "13:00");
        assertThat(monday.findValuesAsString("to")).containsExactly("12:00", "17:30");
        assertThat(mine.json().path("workingHours").path("FRIDAY").get(0).path("to").asString()).isEqualTo("06:00");
        assertThat(mine.json().path("workingHours").path("TUESDAY").size()).isZero();
        assertThat(mine.json().path("onCall").path("SATURDAY").get(0).path("from").asString()).isEqualTo("00:00");
        assertThat(mine.json().path("now").path("mode").asString()).isIn("WORKING", "ON_CALL", "OFF");
        assertThat(admin.get("/api/engineers/" + engineerId).get("timeZone")).isEqualTo("Europe/Amsterdam");

        var changed = engineer.put("/api/me/schedule", """
                {"workingHours":{"TUESDAY":[{"from":"09:00","to":"18:00"}]}}""");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var seen = dispatcher.get("/api/engineers/" + engineerId + "/schedule");
        assertThat(seen.json().path("workingHours").path("MONDAY").size()).isZero();
        assertThat(seen.json().path("workingHours").path("TUESDAY").get(0).path("from").asString()).isEqualTo("09:00");
        assertThat(seen.json().path("onCall").path("SATURDAY").size()).isZero();
        assertThat(seen.get("timeZone")).as("a pattern without timeZone keeps the zone").isEqualTo("Europe/Amsterdam");
    }

    @Test
    void anEngineerWithoutAPatternIsOnDutyUntilTheirOverrideAndTheOverrideDecidesWhileItRuns() {
        var fresh = engineer.get("/api/me/schedule");
        assertThat(fresh.json().has("workingHours")).as(fresh.toString()).isFalse();
        assertThat(fresh.json().path("now").path("onDuty").asBoolean()).isTrue();
        assertThat(fresh.json().path("now").path("mode").asString()).isEqualTo("WORKING");
        assertThat(fresh.json().path("now").has("until")).isFalse();

        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var from = now.minus(Duration.ofHours(1));
        var to = now.plus(Duration.ofHours(2));
        var added = engineer.post("/api/me/schedule/overrides", """
                {"from":"%s","to":"%s","kind":"OFF_DUTY","note":"dentist"}""".formatted(from, to));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String overrideId = added.get("id");
        assertThat(overrideId).isNotBlank();

        var off = dispatcher.get("/api/engineers/" + engineerId + "/schedule");
        assertThat(off.json().path("overrides").findValuesAsString("id")).containsExactly(overrideId);
        assertThat(off.json().path("overrides").get(0).path("note").asString()).isEqualTo("dentist");
        assertThat(off.json().path("now").path("onDuty").asBoolean()).isFalse();
        assertThat(off.json().path("now").path("mode").asString()).isEqualTo("OFF");
        assertThat(Instant.parse(off.json().path("now").path("until").asString())).isEqualTo(to);

        var otherEngineer = fixtures.as(fixtures.engineerUser(fixtures.engineer(system, 1, 5)));
        assertThat(otherEngineer.exchange(HttpMethod.DELETE, "/api/me/schedule/overrides/" + overrideId, null, null)
                .status()).as("someone else's override is not found under /api/me").isEqualTo(404);

        var removed = engineer.exchange(HttpMethod.DELETE, "/api/me/schedule/overrides/" + overrideId, null, null);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        var back = engineer.get("/api/me/schedule");
        assertThat(back.json().path("overrides").size()).isZero();
        assertThat(back.json().path("now").path("mode").asString()).isEqualTo("WORKING");
        assertThat(dispatcher.exchange(HttpMethod.DELETE, "/api/engineers/" + engineerId + "/schedule/overrides/"
                + overrideId, null, null).status()).isEqualTo(404);
    }

    @Test
    void removingThePatternMakesTheEngineerAlwaysReachableAgain() {
        var put = admin.put("/api/engineers/" + engineerId + "/schedule", "{\"workingHours\":{}}");
        assertThat(put.json().path("now").path("mode").asString()).as(put.toString()).isEqualTo("OFF");
        var removed = admin.exchange(HttpMethod.DELETE, "/api/engineers/" + engineerId + "/schedule", null, null);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        var after = admin.get("/api/engineers/" + engineerId + "/schedule");
        assertThat(after.json().has("workingHours")).isFalse();
        assertThat(after.json().path("now").path("mode").asString()).isEqualTo("WORKING");
    }

    @Test
    void theOnCallListShowsWhoIsWorkingOrOnCallAtTheTimeAskedForASystem() {
        String onCall = fixtures.engineer(system, 2, 5);
        String off = fixtures.engineer(system, 2, 5);
        String elsewhere = fixtures.engineer(fixtures.system(fixtures.customer()), 2, 5);
        for (String id : java.util.List.of(onCall, elsewhere)) {
            assertThat(admin.put("/api/engineers/" + id + "/schedule", """
                    {"workingHours":{},"onCall":{"MONDAY":[{"from":"00:00","to":"00:00"}]}}""").status()).isEqualTo(200);
        }
        assertThat(admin.put("/api/engineers/" + off + "/schedule", """
                {"workingHours":{"TUESDAY":[{"from":"00:00","to":"00:00"}]}}""").status()).isEqualTo(200);
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        assertThat(admin.post("/api/engineers/" + engineerId + "/schedule/overrides", """
                {"from":"%s","to":"%s","kind":"ON_DUTY"}""".formatted(now, now.plus(Duration.ofDays(30)))).status())
                .isEqualTo(201);

        // the next Monday at 10:00 UTC, inside the override: the on-call engineer is on call, the Tuesday one is off
        LocalDate monday = now.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant mondayMorning = monday.atTime(10, 0).toInstant(ZoneOffset.UTC);
        var board = dispatcher.get("/api/on-call?at=" + mondayMorning + "&systemId=" + system);
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        var entries = board.json().path("engineers");
        assertThat(entries.findValuesAsString("engineerId")).containsExactlyInAnyOrder(onCall, engineerId);
        for (var entry : entries) {
            if (entry.path("engineerId").asString().equals(onCall)) {
                assertThat(entry.path("mode").asString()).isEqualTo("ON_CALL");
                assertThat(Instant.parse(entry.path("until").asString()))
                        .isEqualTo(monday.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            } else {
                assertThat(entry.path("mode").asString()).isEqualTo("WORKING");
            }
        }
        var everywhere = dispatcher.get("/api/on-call?at=" + mondayMorning);
        assertThat(everywhere.json().path("engineers").findValuesAsString("engineerId")).contains(onCall, elsewhere)
                .doesNotContain(off);
    }
}
