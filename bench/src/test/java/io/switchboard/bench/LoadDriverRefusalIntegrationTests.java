package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;

import io.switchboard.incidents.IncidentOpened;

/**
 * A server whose admission control takes one opening at a time and lets none wait: openings that overlap are refused
 * with a 503. The driver reports them as refused, apart from lost offers and errors, and still exits 0: the server
 * told the caller at once and stored nothing.
 * <p>
 * Each opening holds its turn for at least {@link SlowOpenings#HOLD} here, so overlaps do not depend on how fast the
 * machine stores an incident: on a fast one, 30 openings a second at a few milliseconds each may never overlap. Each
 * test has a server of its own: the driver imports the same world and creates the same accounts every time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.data-dir=target/test-data/${random.uuid}",
        "switchboard.admin-password=" + LoadDriverRefusalIntegrationTests.ADMIN_PASSWORD,
        "switchboard.security.password-hash-strength=4",
        "switchboard.incidents.admission.max-concurrent=1",
        "switchboard.incidents.admission.max-wait.SEV3=0s",
        "switchboard.incidents.admission.overload-wait.SEV3=0s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class LoadDriverRefusalIntegrationTests {
    static final String ADMIN_PASSWORD = "load-refusal-admin";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void openingsTheServerRefusesAreCountedAsRefusedNotLost() throws Exception {
        // 60 openings in 2 s against one turn held 100 ms by each admitted opening: at most about 20 get a turn
        var run = thirtyASecondForTwoSeconds();

        String report = run.assertNothingLostAndNoErrors().report();
        var refused = Pattern.compile("REFUSED=(\\d+)").matcher(report);
        assertThat(refused.find()).as(report).isTrue();
        assertThat(Integer.parseInt(refused.group(1))).isGreaterThanOrEqualTo(30)
                .isEqualTo(run.driver().refused.size());
        assertThat(report).doesNotContain("sent again");
    }

    @Test
    void refusedOpeningsSentAgainAfterTheirRetryAfterGetThrough() throws Exception {
        var run = thirtyASecondForTwoSeconds("--resend-refused", "10");

        String report = run.assertNothingLostAndNoErrors().report();
        // about 21 turns of 100 ms fit in the 2 s of sending: most offers past those came from openings sent again
        assertThat(run.driver().offered).as(report).hasSizeGreaterThan(30);
        assertThat(run.driver().resent).as(report).hasPositiveValue();
        assertThat(report).containsPattern("refused openings sent again after their Retry-After: [1-9]\\d* times");
    }

    private DriverRun thirtyASecondForTwoSeconds(String... more) throws Exception {
        var options = new java.util.ArrayList<>(List.of("--engineers", "12", "--customers", "1", "--history", "100",
                "--warmup", "1", "--warmup-rate", "1", "--rate", "30", "--duration", "2", "--grace", "20", "--hold-min",
                "100", "--hold-max", "200"));
        options.addAll(List.of(more));
        return DriverRun.against(port, ADMIN_PASSWORD, dir.resolve("load.txt"), options.toArray(String[]::new));
    }

    @TestConfiguration
    static class SlowOpenings {
        static final Duration HOLD = Duration.ofMillis(100);

        // IncidentOpened is published inside the opening, so this sleep keeps the opening's turn taken.
        @EventListener
        void holdTheTurn(IncidentOpened opened) throws InterruptedException {
            Thread.sleep(HOLD);
        }
    }
}
