package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

@IntegrationTest
class RingingCountsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Offers offers;

    @Test
    void countsTheRingingOffersOfTheEngineersAskedFor() {
        var fixtures = new Fixtures(port);
        var admin = fixtures.admin();
        String system = fixtures.system(fixtures.customer());
        String rung = fixtures.engineer(system, 5, 10);
        String other = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 10);
        // SEV4 rings one engineer per wave: the only one on the system, for each incident
        String first = fixtures.quietIncident(admin, system, "SEV4");
        String second = fixtures.quietIncident(admin, system, "SEV4");
        await().atMost(Duration.ofSeconds(10)).until(() -> offers.hasPending(first) && offers.hasPending(second));

        assertThat(counts(offers.countPending(new String[] {rung, other}))).isEqualTo(Map.of(rung, 2L));
        assertThat(counts(offers.countPending(new String[] {other}))).isEmpty();

        var answered = offers.findByIncidentIdAndStatus(first, OfferStatus.PENDING).getFirst();
        answered.withdraw("test", Instant.now());
        offers.saveAndFlush(answered);
        assertThat(counts(offers.countPending(new String[] {other, rung}))).isEqualTo(Map.of(rung, 1L));
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        var counts = new HashMap<String, Long>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
