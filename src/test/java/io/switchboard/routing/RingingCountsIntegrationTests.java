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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

@IntegrationTest
class RingingCountsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Offers offers;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

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
    }

    @Test
    void anOfferWithdrawnInTheSameTransactionNoLongerCountsThoughNotYetFlushed() {
        var fixtures = new Fixtures(port);
        String system = fixtures.system(fixtures.customer());
        String rung = fixtures.engineer(system, 5, 10);
        String incident = fixtures.quietIncident(fixtures.admin(), system, "SEV4");
        await().atMost(Duration.ofSeconds(10)).until(() -> offers.hasPending(incident));

        var counted = transactions.execute(tx -> {
            offers.findByIncidentIdAndStatus(incident, OfferStatus.PENDING).forEach(o -> o.withdraw("test", Instant.now()));
            var rows = counts(offers.countPending(new String[] {rung}));
            tx.setRollbackOnly();
            return rows;
        });

        assertThat(counted).isEmpty();
    }

    @Test
    void findsTheEngineersThroughTheirIndexNotByReadingEveryRingingOffer() {
        var plan = jdbc.queryForObject("explain " + Offers.COUNT_PENDING.replace("?1", "?"), String.class,
                (Object) new String[] {"E-1", "E-2"});

        assertThat(plan).containsIgnoringCase("OFFER_BY_ENGINEER");
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        var counts = new HashMap<String, Long>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
