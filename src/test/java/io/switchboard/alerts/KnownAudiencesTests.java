package io.switchboard.alerts;

import static io.switchboard.support.Latches.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class KnownAudiencesTests {
    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<Set<String>> database(String... engineers) {
        return () -> {
            reads.incrementAndGet();
            return Set.of(engineers);
        };
    }

    @Test
    void anIncidentsAudienceIsReadOnceThenAnsweredFromMemory() {
        var audiences = new KnownAudiences(10);

        assertThat(audiences.engineers("I1", database("E1"))).containsExactly("E1");
        assertThat(audiences.engineers("I1", database("E1", "E2"))).containsExactly("E1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void anEngineerInvolvedLaterJoinsAKnownIncident() {
        var audiences = new KnownAudiences(10);
        audiences.engineers("I1", database("E1"));

        audiences.involved("I1", "E2");

        assertThat(audiences.engineers("I1", database())).containsExactlyInAnyOrder("E1", "E2");
        assertThat(reads).hasValue(1);
    }

    @Test
    void anEngineerInvolvedInAnIncidentNotKnownYetIsLeftToTheFirstRead() {
        var audiences = new KnownAudiences(10);

        audiences.involved("I1", "E2");

        assertThat(audiences.engineers("I1", database("E1", "E2"))).containsExactlyInAnyOrder("E1", "E2");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aForgottenIncidentIsReadAgain() {
        var audiences = new KnownAudiences(10);
        audiences.engineers("I1", database("E1"));

        audiences.forget("I1");

        assertThat(audiences.engineers("I1", database("E1", "E3"))).containsExactlyInAnyOrder("E1", "E3");
        assertThat(reads).hasValue(2);
    }

    @Test
    void pastItsCapacityEveryIncidentIsReadAgain() {
        var audiences = new KnownAudiences(2);
        audiences.engineers("I1", database("E1"));
        audiences.engineers("I2", database("E2"));

        audiences.engineers("I3", database("E3"));
        audiences.engineers("I1", database("E1"));

        assertThat(reads).hasValue(4);
    }

    @Test
    void anEngineerInvolvedWhileTheIncidentIsBeingReadIsAddedOnceTheReadIsIn() throws Exception {
        var audiences = new KnownAudiences(10);
        var reading = new CountDownLatch(1);
        var readMayFinish = new CountDownLatch(1);
        // The read started before the offer to E2 committed, so it does not find E2.
        var reader = Thread.ofPlatform().start(() -> audiences.engineers("I1", () -> {
            reading.countDown();
            await(readMayFinish);
            return Set.of("E1");
        }));
        await(reading);

        var offer = Thread.ofPlatform().start(() -> audiences.involved("I1", "E2"));
        // It waits for the read instead of finding the incident unknown and dropping E2.
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> offer.getState() == Thread.State.BLOCKED);
        readMayFinish.countDown();
        reader.join();
        offer.join();

        assertThat(audiences.engineers("I1", database())).containsExactlyInAnyOrder("E1", "E2");
    }
}
