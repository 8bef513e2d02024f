package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;

import io.switchboard.incidents.IncidentOpened;

/**
 * A server whose admission control takes one opening at a time and lets none wait: openings that overlap are refused
 * with a 503. The driver reports them as refused, apart from lost offers and errors, and still exits 0: the server
 * told the caller at once and stored nothing.
 * <p>
 * Each opening holds its turn for at least {@link SlowOpenings#HOLD} here, so overlaps do not depend on how fast the
 * machine stores an incident: on a fast one, 30 openings a second at a few milliseconds each may never overlap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.data-dir=target/test-data/${random.uuid}",
        "switchboard.admin-password=" + LoadDriverRefusalIntegrationTests.ADMIN_PASSWORD,
        "switchboard.security.password-hash-strength=4",
        "switchboard.incidents.admission.max-concurrent=1",
        "switchboard.incidents.admission.max-wait.SEV3=0s",
        "switchboard.incidents.admission.overload-wait.SEV3=0s"})
class LoadDriverRefusalIntegrationTests {
    static final String ADMIN_PASSWORD = "load-refusal-admin";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void openingsTheServerRefusesAreCountedAsRefusedNotLost() throws Exception {
        // 60 openings in 2 s against one turn held 100 ms by each admitted opening: at most about 20 get a turn
        var run = DriverRun.against(port, ADMIN_PASSWORD, dir.resolve("load.txt"), "--engineers", "12", "--customers",
                "1", "--history", "100", "--warmup", "1", "--warmup-rate", "1", "--rate", "30", "--duration", "2",
                "--grace", "20", "--hold-min", "100", "--hold-max", "200");

        String report = run.assertNothingLostAndNoErrors().report();
        var refused = Pattern.compile("REFUSED=(\\d+)").matcher(report);
        assertThat(refused.find()).as(report).isTrue();
        assertThat(Integer.parseInt(refused.group(1))).isGreaterThanOrEqualTo(30)
                .isEqualTo(run.driver().refused.size());
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
