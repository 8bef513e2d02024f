package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The load driver end to end against the real server, small: it imports a generated world (every line must be
 * taken), creates and signs in the engineers' accounts, connects them over STOMP, opens incidents at a rate through a
 * warm-up and a measured part, accepts and resolves what it is offered, and writes its report. A change to the API,
 * the STOMP destinations or the import format that would break the benchmark fails here. Its own server (not the
 * shared test one, and a new one for each test): the world's engineers would otherwise be offered other tests'
 * incidents, and the driver imports the same world and creates the same accounts every time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.data-dir=target/test-data/${random.uuid}",
        "switchboard.admin-password=" + LoadDriverIntegrationTests.ADMIN_PASSWORD,
        "switchboard.security.password-hash-strength=4"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class LoadDriverIntegrationTests {
    static final String ADMIN_PASSWORD = "load-test-admin";
    static final Pattern RESULT = Pattern.compile(
            "RESULT .* incidents=(\\d+) \\(measured (\\d+)\\) offered=(\\d+) offers=\\d+ accepted=(\\d+) .* resolved=(\\d+)");

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void aShortRunOffersTheIncidentsToConnectedEngineersAndReportsNoneLost() throws Exception {
        var run = DriverRun.against(port, ADMIN_PASSWORD, dir.resolve("load.txt"), "--engineers", "24", "--customers",
                "2", "--history", "300", "--warmup", "2", "--warmup-rate", "2", "--rate", "5", "--duration", "3",
                "--grace", "20", "--hold-min", "100", "--hold-max", "300", "--slowest", "3");

        String report = run.assertNothingLostAndNoErrors().report();
        assertThat(report).contains("imported", "created 24 engineer accounts", "connected 24 engineers over STOMP",
                "warm-up over: 4 incidents");
        var result = RESULT.matcher(report);
        assertThat(result.find()).as(report).isTrue();
        int incidents = Integer.parseInt(result.group(1)), offered = Integer.parseInt(result.group(3));
        assertThat(incidents).isEqualTo(4 + 15);
        assertThat(Integer.parseInt(result.group(2))).isEqualTo(15);
        // an incident nobody qualifies for escalates (not lost, and the exit code allows it); most are offered
        assertThat(offered).as(report).isGreaterThan(incidents / 2);
        assertThat(Integer.parseInt(result.group(4))).as(report).isPositive();
        assertThat(report).containsPattern("incident -> OFFER ms: p50 \\d+\\.\\d .* \\(n=\\d+\\)");
        assertThat(report).containsPattern("driver \\d+\\.\\d s \\(\\d+\\.\\d ms per incident\\); server over driver \\S+");
    }

    @Test
    void theDriverStopsWaitingForOffersOnceTheIncidentsWithoutOneHaveEscalated() throws Exception {
        // three engineers for 20 incidents on ten systems: most have nobody qualified and free, and escalate
        long start = System.nanoTime();
        var run = DriverRun.against(port, ADMIN_PASSWORD, dir.resolve("load.txt"), "--engineers", "3", "--customers",
                "1", "--history", "50", "--warmup", "0", "--rate", "10", "--duration", "2", "--grace", "120",
                "--hold-min", "1000", "--hold-max", "2000");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        String report = run.assertNothingLostAndNoErrors().report();
        assertThat(run.driver().escalated).as(report).isNotEmpty();
        assertThat(report).contains("ESCALATED=" + run.driver().escalated.size());
        // without asking for escalations the driver would wait out the whole grace period of 120 s
        assertThat(seconds).as(report).isLessThan(60);
    }
}
