package io.switchboard.incidents;

import static io.switchboard.support.Latches.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

/** Decisions about one incident take turns through its row lock; the lock is taken without a locking query. */
@IntegrationTest
class IncidentRowLockIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Incidents incidents;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSecondTransactionLockingTheIncidentWaitsUntilTheFirstHasCommitted() throws Exception {
        var fixtures = new Fixtures(port);
        String incidentId = fixtures.quietIncident(fixtures.admin(), fixtures.system(fixtures.customer()), "SEV4");
        var firstHoldsIt = new CountDownLatch(1);
        var firstMayCommit = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(2)) {
            var first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
                assertThat(incidents.findForUpdate(incidentId)).isPresent();
                firstHoldsIt.countDown();
                await(firstMayCommit);
            }), threads);
            await(firstHoldsIt);
            var second = CompletableFuture.supplyAsync(
                    () -> transactions.execute(tx -> incidents.findForUpdate(incidentId)), threads);

            Thread.sleep(300);
            assertThat(second).isNotDone();
            firstMayCommit.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).hasValueSatisfying(i -> assertThat(i.getId()).isEqualTo(incidentId));
        }
    }

    @Test
    void lockingAnIncidentThatDoesNotExistFindsNothing() {
        Optional<Incident> found = transactions.execute(tx -> incidents.findForUpdate("INC-NOSUCHONE"));
        assertThat(found).isEmpty();
    }
}
